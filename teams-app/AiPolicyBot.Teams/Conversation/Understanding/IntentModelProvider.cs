using AiPolicyBot.Language.Conversation;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// The committed intent model, loaded once. Loading starts in the background when the host starts
/// (<see cref="IntentModelWarmup"/>), so the first message rarely waits; a message that arrives sooner waits for the
/// same load rather than starting another.
/// </summary>
public sealed class IntentModelProvider
{
    private readonly Lazy<IntentModel> _model;

    public IntentModelProvider() : this(IntentModelFiles.LoadModel) { }

    /// <summary>Another model (the held-out figure trains one in memory).</summary>
    public IntentModelProvider(Func<IntentModel> load) =>
        _model = new Lazy<IntentModel>(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public IntentModel Model => _model.Value;
}

/// <summary>Loads the intent model and runs one prediction on a thread-pool thread as the host starts.</summary>
public sealed class IntentModelWarmup(IntentModelProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => provider.Model.Predict("can I use ChatGPT for lesson plans?"), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
