using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Inbox;

/// <summary>
/// Trains the triage classifier when the host starts, in the background, so the first mail (a breach, perhaps) is
/// not held up by training (seconds on a busy CI machine). <see cref="Ready"/> completes when it is done.
/// </summary>
public sealed class TriageWarmup(TriageClassifierProvider classifier) : IHostedService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try { _ = classifier.Classifier; _ready.TrySetResult(); }
            catch (Exception e) { _ready.TrySetException(e); }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
