namespace AiPolicyBot.Teams.Protocol;

/// <summary>An attachment: a card (contentType + content) or a file (contentUrl).</summary>
public sealed record Attachment : WireObject
{
    public required string ContentType { get; init; }
    public object? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }
}
