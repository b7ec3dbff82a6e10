using AiPolicyBot.Approvals;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>Where a card landed: enough to edit it later (docs/teams-channel.md).</summary>
public sealed record PostedCard(string ConversationId, string ActivityId, string ServiceUrl);

/// <summary>
/// Proactive Teams messages for approvals, over the Bot Connector (docs/teams-channel.md). People are named by
/// Entra object id; the implementation finds (or creates, with the tenant id) their 1:1 conversation.
/// </summary>
public interface IApprovalMessenger
{
    /// <summary>Posts a card in the person's 1:1 chat with the bot; null when they cannot be reached (bot not installed).</summary>
    Task<PostedCard?> SendCardToUserAsync(string userId, AdaptiveCard card, CancellationToken ct);

    /// <summary>Posts a card into a conversation (the approvals channel).</summary>
    Task<PostedCard?> SendCardToConversationAsync(string conversationId, AdaptiveCard card, CancellationToken ct);

    /// <summary>Replaces a posted card for everyone (PUT the activity).</summary>
    Task UpdateCardAsync(ApprovalCardCopy copy, AdaptiveCard card, CancellationToken ct);

    /// <summary>A short Markdown message in the person's 1:1 chat; false when they cannot be reached.</summary>
    Task<bool> SendTextToUserAsync(string userId, string markdown, CancellationToken ct);
}

/// <summary>
/// Teams user ids (MRIs, "29:…") for Entra object ids, for refresh.userIds. Unknown people are left out: they still
/// get the manual "Refresh card" and the server checks every click anyway.
/// </summary>
public interface ITeamsUserIds
{
    Task<IReadOnlyList<string>> MrisForAsync(IEnumerable<string> userIds, CancellationToken ct);

    /// <summary>The MRIs of those already known without reading storage (a click's answer card waits for no lookup).</summary>
    IReadOnlyList<string> KnownMris(IEnumerable<string> userIds);
}
