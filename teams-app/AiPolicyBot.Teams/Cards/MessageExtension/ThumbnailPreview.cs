namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// The thumbnail card shown for a search result in the result list (docs/teams-channel.md: an Adaptive Card result
/// must have a hero or thumbnail preview). Not Markdown: plain text only.
/// </summary>
public sealed record ThumbnailPreview(string Title, string? Text = null)
{
    public const string ContentType = "application/vnd.microsoft.card.thumbnail";
}
