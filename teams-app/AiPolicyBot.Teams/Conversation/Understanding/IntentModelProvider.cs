using System.Collections.Concurrent;
using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Register;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// The committed intent model, loaded once. Loading starts in the background when the host starts
/// (<see cref="IntentModelWarmup"/>), so the first message rarely waits; a message that arrives sooner waits for the
/// same load rather than starting another.
/// </summary>
public sealed class IntentModelProvider
{
    /// <summary>Most distinct messages whose scores are kept; longer texts than <see cref="MaxCachedLength"/> are never kept.</summary>
    public const int CacheCapacity = 4096;

    public const int MaxCachedLength = 200;

    private readonly Lazy<IntentModel> _model;

    // The model is a pure function of the text, so scores of a message seen before are reused: staff ask the same short
    // questions ("can I use ChatGPT?", "my requests") again and again, and one prediction is most of a turn's CPU
    // (docs/benchmarks.md, performance round two). Bounded; when full, new texts are simply predicted each time.
    private readonly ConcurrentDictionary<string, IntentScore[]> _scores = new(StringComparer.Ordinal);

    public IntentModelProvider() : this(IntentModelFiles.LoadModel) { }

    /// <summary>Another model (the held-out figure trains one in memory).</summary>
    public IntentModelProvider(Func<IntentModel> load) =>
        _model = new Lazy<IntentModel>(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public IntentModel Model => _model.Value;

    /// <summary>The model's scores for <paramref name="text"/> (already normalised), best first; a copy the caller may keep.</summary>
    public IntentScore[] Predict(string text)
    {
        if (!_scores.TryGetValue(text, out var scores))
        {
            scores = Model.Predict(text);
            if (text.Length <= MaxCachedLength && _scores.Count < CacheCapacity) _scores.TryAdd(text, scores);
        }

        return (IntentScore[])scores.Clone();
    }
}

/// <summary>
/// As the host starts, on a thread-pool thread: loads the intent model and understands one message against the live
/// register, so the first staff message finds the model loaded, the catalogue index built and the code compiled.
/// A failure here (storage not up yet) only means the first message does that work.
/// </summary>
public sealed class IntentModelWarmup(IntentModelProvider provider, MessageUnderstanding understanding, RegisterCache register) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                _ = provider.Model.Labels.Count;
                understanding.Understand("can I use ChatGPT for lesson plans?", await register.GetAsync(CancellationToken.None));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Nothing to do: the first message loads what is missing.
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
