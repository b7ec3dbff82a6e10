namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// The Bot Connector REST operations AiPolicyBot uses (docs/teams-channel.md). Every call goes to the given
/// serviceUrl (from the inbound activity or a stored conversation reference), which must be allowed.
/// Failures throw <see cref="ConnectorException"/> (after retries) or <see cref="ServiceUrlNotAllowedException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST v3/conversations/{id}/activities: a new message (proactive or in a turn).</summary>
    Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct);

    /// <summary>POST v3/conversations/{id}/activities/{activityId}: a reply to one activity.</summary>
    Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct);

    /// <summary>PUT v3/conversations/{id}/activities/{activityId}: replace a message the bot posted (the full new message).</summary>
    Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct);

    /// <summary>DELETE v3/conversations/{id}/activities/{activityId}.</summary>
    Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct);

    /// <summary>POST v3/conversations: e.g. a 1:1 chat with a user (idempotent: same member, same conversation id).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct);

    /// <summary>GET v3/conversations/{id}/members/{userId}; userId may be the 29: id, the UPN or the Entra object id.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct);
}
