using System.Collections.Concurrent;
using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>
/// Keeps stored conversation references current without storage round trips on the hot path: an in-memory copy per
/// conversation; the store is read once per conversation per process (cold) and written only when something changed
/// (new conversation, moved serviceUrl, …).
/// </summary>
public sealed class ConversationReferenceTracker(IConversationReferenceStore store, ILogger<ConversationReferenceTracker> logger)
{
    private readonly ConcurrentDictionary<string, ConversationReference> _known = new(StringComparer.Ordinal);

    // Striped locks: two activities of one conversation must not both see "new" (double welcome), while different
    // conversations' cold paths still run in parallel.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public ValueTask<TrackOutcome> TrackAsync(Activity activity, CancellationToken ct)
    {
        var reference = activity.GetConversationReference();
        if (reference is null)
        {
            return ValueTask.FromResult(TrackOutcome.NotTrackable);
        }

        return _known.TryGetValue(reference.ConversationId, out var cached) && cached == reference
            ? ValueTask.FromResult(TrackOutcome.Unchanged)
            : new ValueTask<TrackOutcome>(TrackSlowAsync(reference, ct));
    }

    /// <summary>The bot was removed from the conversation: forget it (a later re-install welcomes again).</summary>
    public async Task ForgetAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } id)
        {
            return;
        }

        var stripe = Stripe(id);
        await stripe.WaitAsync(ct);
        try
        {
            _known.TryRemove(id, out _);
            await store.DeleteAsync(id, ct);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<TrackOutcome> TrackSlowAsync(ConversationReference reference, CancellationToken ct)
    {
        var stripe = Stripe(reference.ConversationId);
        await stripe.WaitAsync(ct);
        try
        {
            var stored = _known.TryGetValue(reference.ConversationId, out var cached)
                ? cached
                : await store.GetAsync(reference.ConversationId, ct);
            if (stored == reference)
            {
                _known[reference.ConversationId] = reference;
                return TrackOutcome.Unchanged;
            }

            await store.SaveAsync(reference, ct);
            _known[reference.ConversationId] = reference;
            logger.LogInformation("Stored conversation reference ({ConversationType}, {Change})",
                reference.ConversationType, stored is null ? "new" : "changed");
            return stored is null ? TrackOutcome.Created : TrackOutcome.Updated;
        }
        finally
        {
            stripe.Release();
        }
    }

    private SemaphoreSlim Stripe(string conversationId) =>
        _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_stripes.Length)];
}

public enum TrackOutcome
{
    NotTrackable,
    Unchanged,
    Created,
    Updated,
}
