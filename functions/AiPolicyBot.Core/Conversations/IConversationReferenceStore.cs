namespace AiPolicyBot.Conversations;

/// <summary>
/// Durable conversation references (Table Storage in Azure). Writes are whole-record upserts of the latest observed
/// reference (last writer wins, idempotent), so no ETag round trip is needed. The hot path never calls this
/// directly: the Teams layer keeps an in-memory copy and writes only on change.
/// </summary>
public interface IConversationReferenceStore
{
    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken ct);

    /// <summary>The personal (1:1) conversation of a user, by Entra object id; null when the bot never met them.</summary>
    Task<ConversationReference?> FindPersonalAsync(string userAadObjectId, CancellationToken ct);

    /// <summary>Creates or replaces the reference (and its per-user index for personal chats).</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken ct);

    /// <summary>Removes the reference (bot uninstalled or removed); a missing one is not an error.</summary>
    Task DeleteAsync(string conversationId, CancellationToken ct);
}
