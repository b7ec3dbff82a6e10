using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// The Bot Framework activity subset AiPolicyBot handles (docs/teams-channel.md), with Bot Framework wire names.
/// Serialized with <c>AiPolicyJson.Options</c> (camelCase, nulls omitted). Unknown fields survive in
/// <see cref="WireObject.Extra"/> because Teams adds fields and event types at any time.
/// Dates stay strings: a channel's odd timestamp format must never turn a valid activity into a 400.
/// </summary>
public sealed record Activity : WireObject
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Timestamp { get; init; }
    public string? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }

    /// <summary>installationUpdate: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>Action.Submit data on a message; the invoke payload on an invoke.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The tenant: conversation.tenantId, else channelData.tenant.id (Teams sets one or both).</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>A message reply to this activity, from the bot to the sender, in the same conversation.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };
}

/// <summary>
/// A Bot Framework object whose fields AiPolicyBot does not model still round-trips: Teams adds fields at any time, and
/// an activity or account we send back (a reply, an update) must not lose them.
/// </summary>
public abstract record WireObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Activity type names (Bot Framework wire values).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
}
