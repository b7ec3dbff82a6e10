using AiPolicyBot.Academies;
using AiPolicyBot.Approvals;
using AiPolicyBot.Conversations;
using AiPolicyBot.Policy;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.Triage;

/// <summary>
/// Posts triage cards proactively: an urgent card to the 1:1 chat of the DPO and the DPO's deputies for a breach
/// (from the approver directory, so Table overrides count; when the bot has a personal chat with them) and the triage card in the IA team channel (Triage:TeamChannelConversationId,
/// when the bot knows that conversation). Missing configuration or references are logged, not errors: the DPO
/// email alert does not depend on Teams.
/// </summary>
public sealed class TeamsTriageNotifier(
    ProactiveMessenger messenger,
    IConversationReferenceStore references,
    TriageOptions options,
    IApproverDirectorySource directories,
    ILogger<TeamsTriageNotifier> logger) : ITriageNotifier
{
    public async Task NotifyAsync(TriageRecord record, TriageActionPlan plan, CancellationToken ct)
    {
        var card = TriageCard.Build(record, plan);
        if (plan.AlertDpo)
        {
            var directory = await directories.GetAsync(ct);
            var reached = 0;
            foreach (var person in directory.PeopleFor(ApproverRoles.Dpo, AcademyOptions.TrustId))
            {
                if (await messenger.SendToUserAsync(person, Message(card, UrgentSummary(record)), ct) is not null) reached++;
            }
            if (reached == 0) logger.LogWarning("No Teams chat with the DPO or a deputy yet; the breach alert went by email only");
        }
        if (string.IsNullOrWhiteSpace(options.TeamChannelConversationId)) return;
        var channel = await references.GetAsync(options.TeamChannelConversationId, ct);
        if (channel is null)
        {
            logger.LogWarning("The bot has no reference for the IA channel yet (install it in the team); triage card not posted");
            return;
        }
        await messenger.SendAsync(channel, Message(card, card.FallbackText), ct);
    }

    private static string UrgentSummary(TriageRecord r) =>
        TriageClassifier.IsPossibleBreach(r.Signals) ? "URGENT: possible data breach, please check" : "URGENT: data breach reported";

    private static Activity Message(AdaptiveCard card, string? summary) => CardActivities.CardMessage(card, summary);
}
