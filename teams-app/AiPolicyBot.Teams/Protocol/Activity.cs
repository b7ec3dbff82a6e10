using System.Text.Json;
using System.Text.Json.Serialization;
using AiPolicyBot.Conversations;

namespace AiPolicyBot.Teams.Protocol;

// The Bot Framework activity schema in one file, read top to bottom: the activity and its type names, the base that
// keeps unmodelled fields, then what an activity carries (who: the accounts; where: Teams' channelData; what:
// attachments and entities). Small wire records and constants only, beside the activity's three helpers (its tenant,
// a reply, its conversation reference); the checks live in ActivityValidator, the responses in their own files.

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

    /// <summary>A message-extension invoke (composeExtension/…): its own channels and time budget.</summary>
    public bool IsMessageExtensionInvoke() =>
        Type == ActivityTypes.Invoke && Name?.StartsWith("composeExtension/", StringComparison.Ordinal) == true;

    /// <summary>
    /// Where to reach this conversation later (what the tracker stores), as botbuilder's GetConversationReference;
    /// null when the activity lacks what a proactive send needs. The user is recorded only for personal chats: in a
    /// channel every speaker differs, and recording them would rewrite the reference on every message.
    /// </summary>
    public ConversationReference? GetConversationReference()
    {
        if (Conversation?.Id is not { Length: > 0 } conversationId
            || ServiceUrl is not { Length: > 0 } serviceUrl
            || ChannelId is not { Length: > 0 } channelId)
        {
            return null;
        }

        var type = Conversation.ConversationType ?? "personal";
        var personal = type == "personal";
        return new ConversationReference(
            conversationId,
            serviceUrl,
            channelId,
            TenantId,
            type,
            personal ? From?.Id : null,
            personal ? From?.AadObjectId : null,
            Recipient?.Id,
            Recipient?.Name);
    }
}

/// <summary>Activity type names (Bot Framework wire values).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
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

/// <summary>A user or bot: <c>29:…</c> user ids, <c>28:…</c> bot ids; aadObjectId is the stable Entra object id.</summary>
public record ChannelAccount : WireObject
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

/// <summary>conversationType: personal, groupChat or channel.</summary>
public sealed record ConversationAccount : WireObject
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
    public string? Name { get; init; }
}

/// <summary>Teams' channelData (botbuilder TeamsChannelData): tenant, team, channel, event type and source.</summary>
public sealed record TeamsChannelData : WireObject
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }

    /// <summary>teamMemberAdded, channelCreated, teamRenamed, … on conversationUpdate.</summary>
    public string? EventType { get; init; }

    /// <summary>Where an invoke came from, e.g. <c>compose</c> or <c>message</c>.</summary>
    public SourceInfo? Source { get; init; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo(string? Id, string? Name, string? AadGroupId);

public sealed record ChannelInfo(string? Id, string? Name);

public sealed record SourceInfo(string? Name);

/// <summary>An attachment: a card (contentType + content) or a file (contentUrl).</summary>
public sealed record Attachment : WireObject
{
    public required string ContentType { get; init; }
    public object? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }
}

/// <summary>An entity: <c>mention</c> (mentioned + text) or <c>clientInfo</c> (locale, country, platform, timezone).</summary>
public sealed record Entity : WireObject
{
    public required string Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public string? Country { get; init; }
    public string? Platform { get; init; }
    public string? Timezone { get; init; }
}
