using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Cards;

/// <summary>The one way a card rides on an activity: chat replies, proactive approval cards and triage alerts alike.</summary>
public static class CardActivities
{
    /// <summary>
    /// One Adaptive Card as an attachment. The card model itself is the content, written once when the activity is
    /// sent: the same bytes as <see cref="AdaptiveCard.ToJsonObject"/> (CardModelTests), without writing the card to
    /// JSON, reading it back into a node tree and writing that again (a quarter of a cached turn's CPU; docs/benchmarks.md).
    /// </summary>
    public static Attachment Attachment(AdaptiveCard card) => new() { ContentType = AdaptiveCard.ContentType, Content = card };

    /// <summary>A message activity carrying one Adaptive Card (and the notification summary Teams shows, if any).</summary>
    public static Activity CardMessage(AdaptiveCard card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [Attachment(card)],
    };
}
