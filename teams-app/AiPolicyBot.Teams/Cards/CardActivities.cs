using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Cards;

/// <summary>The activity that carries a card in a chat turn.</summary>
public static class CardActivities
{
    /// <summary>
    /// A message activity carrying one Adaptive Card. The card model itself is the content, written once when the
    /// activity is sent: the same bytes as <see cref="AdaptiveCard.ToJsonObject"/> (CardModelTests), without writing the
    /// card to JSON, reading it back into a node tree and writing that again on every turn (a quarter of a cached turn's
    /// CPU; docs/benchmarks.md).
    /// </summary>
    public static Activity CardMessage(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }],
    };
}
