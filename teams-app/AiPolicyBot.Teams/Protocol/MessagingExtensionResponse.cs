using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// Answer to composeExtension/query, queryLink and (card or preview) submitAction (docs/teams-channel.md):
/// <c>{ "composeExtension": {...}, "cacheInfo"?: {...} }</c>.
/// </summary>
public sealed record MessagingExtensionResponse(MessagingExtensionResult ComposeExtension, CacheInfo? CacheInfo = null)
{
    /// <summary>A list (or grid) of results; every Adaptive Card attachment needs a hero/thumbnail preview.</summary>
    public static MessagingExtensionResponse Results(
        IReadOnlyList<MessagingExtensionAttachment> attachments, string layout = "list", CacheInfo? cacheInfo = null) =>
        new(new MessagingExtensionResult("result") { AttachmentLayout = layout, Attachments = attachments }, cacheInfo);

    /// <summary>Plain text instead of results (no formatting).</summary>
    public static MessagingExtensionResponse Message(string text) =>
        new(new MessagingExtensionResult("message") { Text = text });

    /// <summary>submitAction: show the card to the user first; a later submitAction "send" means the bot posts it.</summary>
    public static MessagingExtensionResponse BotMessagePreview(Activity preview) =>
        new(new MessagingExtensionResult("botMessagePreview") { ActivityPreview = preview });
}

/// <summary>type: result, message, botMessagePreview, auth or config.</summary>
public sealed record MessagingExtensionResult([property: JsonPropertyOrder(-1)] string Type)
{
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<MessagingExtensionAttachment>? Attachments { get; init; }
    public string? Text { get; init; }
    public Activity? ActivityPreview { get; init; }
}

/// <summary>A result card plus the preview (hero or thumbnail card) shown in the result list.</summary>
public sealed record MessagingExtensionAttachment(string ContentType, object Content, Attachment? Preview = null);

/// <summary>cacheType: cache or no-cache; cacheDuration in seconds.</summary>
public sealed record CacheInfo(string CacheType, int? CacheDuration = null)
{
    public static CacheInfo NoCache => new("no-cache");
}
