using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>Builds the stored reference from an inbound activity.</summary>
public static class ConversationReferences
{
    /// <summary>
    /// Null when the activity lacks what a proactive send needs. The user is recorded only for personal chats: in a
    /// channel every speaker differs, and recording them would rewrite the reference on every message.
    /// </summary>
    public static ConversationReference? FromActivity(Activity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || activity.ChannelId is not { Length: > 0 } channelId)
        {
            return null;
        }

        var type = activity.Conversation.ConversationType ?? "personal";
        var personal = type == "personal";
        return new ConversationReference(
            conversationId,
            serviceUrl,
            channelId,
            activity.TenantId,
            type,
            personal ? activity.From?.Id : null,
            personal ? activity.From?.AadObjectId : null,
            activity.Recipient?.Id,
            activity.Recipient?.Name);
    }
}
