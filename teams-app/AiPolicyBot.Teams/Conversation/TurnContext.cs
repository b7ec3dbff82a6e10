using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>
/// One inbound activity being handled: the activity, how it was authenticated, and helpers to answer in the same
/// conversation through the connector (to the activity's own, already-verified serviceUrl).
/// </summary>
public sealed class TurnContext(Activity activity, AuthMode authMode, IConnectorClient connector)
{
    private string? _text;

    public Activity Activity { get; } = activity;

    public AuthMode AuthMode { get; } = authMode;

    /// <summary>The user's text without the bot's @mention ("&lt;at&gt;AiPolicyBot&lt;/at&gt; can I…" → "can I…").</summary>
    public string Text => _text ??= MentionText.WithoutBotMention(Activity);

    /// <summary>The caller's stable Entra object id (null in some anonymous or Playground cases).</summary>
    public string? UserAadObjectId => Activity.From?.AadObjectId;

    /// <summary>The caller's stable id: the Entra object id, else the channel user id (Playground).</summary>
    public string UserId => UserAadObjectId ?? Activity.From?.Id ?? throw new InvalidOperationException("The activity has no sender.");

    public string UserName => Activity.From?.Name ?? "";

    /// <summary>The name a decision or a case action is recorded under: every one is made by a named person.</summary>
    public string ActorName => Activity.From?.Name is { Length: > 0 } name ? name : "Unknown user";

    /// <summary>Where to reach this conversation later (what the tracker stores).</summary>
    public ConversationReference? Reference => Activity.GetConversationReference();

    /// <summary>Sends a message into this conversation, as a reply to the inbound activity when it has an id.</summary>
    public Task<ResourceResponse> SendAsync(Activity message, CancellationToken ct)
    {
        var conversationId = Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var serviceUrl = Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        var outbound = message with
        {
            Type = message.Type ?? ActivityTypes.Message,
            From = message.From ?? Activity.Recipient,
            Recipient = message.Recipient ?? Activity.From,
            Conversation = message.Conversation ?? Activity.Conversation,
        };
        return string.IsNullOrEmpty(Activity.Id)
            ? connector.SendAsync(serviceUrl, conversationId, outbound, ct)
            : connector.ReplyAsync(serviceUrl, conversationId, Activity.Id, outbound, ct);
    }

    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken ct) =>
        SendAsync(Activity.CreateReply(text) with { TextFormat = "markdown" }, ct);

    /// <summary>
    /// Replaces a message the bot posted in this conversation (e.g. the card an invoke came from:
    /// <c>Activity.ReplyToId</c>). Never call it for an automatic refresh (<c>trigger == "automatic"</c>): loop.
    /// </summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity message, CancellationToken ct) =>
        connector.UpdateAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId,
            message with { Type = message.Type ?? ActivityTypes.Message, Conversation = message.Conversation ?? Activity.Conversation }, ct);
}
