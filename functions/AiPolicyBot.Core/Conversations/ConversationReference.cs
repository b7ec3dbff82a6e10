namespace AiPolicyBot.Conversations;

/// <summary>
/// Everything needed to message a Teams conversation later without an inbound activity (proactive send): where the
/// connector lives (<see cref="ServiceUrl"/>), which conversation, which tenant, and who is in it. Stored on install
/// or first contact and rewritten only when a value changes (Teams may move a conversation to another serviceUrl).
/// Value equality (record) is what "changed" means.
/// </summary>
public sealed record ConversationReference(
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string? TenantId,
    string? ConversationType,
    string? UserId,
    string? UserAadObjectId,
    string? BotId,
    string? BotName)
{
    /// <summary>A 1:1 chat between the bot and one user: the only kind that can be found again by the user's Entra id.</summary>
    public bool IsPersonal => string.Equals(ConversationType, "personal", StringComparison.Ordinal);
}
