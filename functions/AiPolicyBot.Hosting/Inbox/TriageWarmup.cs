using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Inbox;

/// <summary>
/// Loads the triage model in the background shortly after the host has started, so the first mail (a breach,
/// perhaps) is not held up by loading it, and loading does not compete for the CPU with a cold instance's first chat
/// turns (on 2 cores it took start-up to the first reply from ~1.8 s to over 3 s; docs/benchmarks.md). Mail that
/// arrives before then loads the model itself. <see cref="Ready"/> completes when it is trained. Runs only when
/// <see cref="AtStartKey"/> is true: otherwise the first mail loads the model, and instances that only chat never do.
/// </summary>
public sealed class TriageWarmup(
    TriageClassifierProvider classifier, IHostApplicationLifetime lifetime, ILogger<TriageWarmup> logger) : IHostedService
{
    /// <summary>Configuration key (bool, default false) that turns the warm-up on.</summary>
    public const string AtStartKey = "Triage:WarmUpAtStart";

    /// <summary>How long after start-up training begins: past a cold instance's first turns.</summary>
    public static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(3);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    public Task Ready => _ready.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = TrainAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private async Task TrainAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(AfterStart, stopping);
            await Task.Run(() => _ = classifier.Classifier, stopping);
            _ready.TrySetResult();
        }
        catch (OperationCanceledException)
        {
            _ready.TrySetCanceled(stopping);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Triage warm-up failed; the first mail will train the classifier");
            _ready.TrySetException(e);
        }
    }
}

/// <summary>The hosted service registered in place of <see cref="TriageWarmup"/> when it is off.</summary>
internal sealed class NoWarmup : IHostedService
{
    public static readonly NoWarmup Instance = new();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
