using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>
/// Messages outside a turn (approvals, reminders, results of queued work) using stored conversation references.
/// Callers should catch <see cref="ConnectorException"/> with <c>IsMessageWritesBlocked</c> (user blocked or
/// uninstalled the bot: permanent, do not retry).
/// </summary>
public sealed class ProactiveMessenger(IConversationReferenceStore store, IConnectorClient connector)
{
    /// <summary>Posts a message into a known conversation; keep the returned id to update the message later.</summary>
    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity message, CancellationToken ct) =>
        connector.SendAsync(reference.ServiceUrl, reference.ConversationId, Prepare(reference, message), ct);

    /// <summary>Posts into the user's 1:1 chat with the bot; null when the bot has no personal chat with that user.</summary>
    public async Task<(ConversationReference Reference, ResourceResponse Sent)?> SendToUserAsync(
        string userAadObjectId, Activity message, CancellationToken ct)
    {
        var reference = await store.FindPersonalAsync(userAadObjectId, ct);
        if (reference is null)
        {
            return null;
        }

        return (reference, await SendAsync(reference, message, ct));
    }

    /// <summary>Replaces a message the bot posted earlier (e.g. an approval card once someone decided).</summary>
    public Task<ResourceResponse> UpdateAsync(ConversationReference reference, string activityId, Activity message, CancellationToken ct) =>
        connector.UpdateAsync(reference.ServiceUrl, reference.ConversationId, activityId, Prepare(reference, message), ct);

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken ct) =>
        connector.DeleteAsync(reference.ServiceUrl, reference.ConversationId, activityId, ct);

    /// <summary>
    /// Opens (or finds: the call is idempotent) the 1:1 chat with a user known by their Teams id (29:…) in the
    /// tenant, e.g. an approver found with GetMemberAsync in a team where the bot is installed.
    /// </summary>
    public async Task<ConversationReference> CreatePersonalConversationAsync(
        string serviceUrl, string userId, string tenantId, string? botId, CancellationToken ct)
    {
        var created = await connector.CreateConversationAsync(serviceUrl, ConversationParameters.Personal(userId, tenantId, botId), ct);
        return new ConversationReference(created.Id, created.ServiceUrl ?? serviceUrl, "msteams", tenantId, "personal",
            userId, null, botId, null);
    }

    private static Activity Prepare(ConversationReference reference, Activity message) => message with
    {
        Type = message.Type ?? ActivityTypes.Message,
        From = message.From ?? (reference.BotId is null ? null : new ChannelAccount { Id = reference.BotId, Name = reference.BotName }),
        Conversation = message.Conversation ?? new ConversationAccount { Id = reference.ConversationId },
    };
}
