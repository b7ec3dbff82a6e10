using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.Triage;

/// <summary>
/// Posts triage cards proactively: an urgent card to the DPO's 1:1 chat for a breach (Approvers:DPO, when the bot
/// has a personal chat with them) and the triage card in the IA team channel (Triage:TeamChannelConversationId,
/// when the bot knows that conversation). Missing configuration or references are logged, not errors: the DPO
/// email alert does not depend on Teams.
/// </summary>
public sealed class TeamsTriageNotifier(
    ProactiveMessenger messenger,
    IConversationReferenceStore references,
    TriageOptions options,
    IConfiguration configuration,
    ILogger<TeamsTriageNotifier> logger) : ITriageNotifier
{
    public async Task NotifyAsync(TriageRecord record, TriageActionPlan plan, CancellationToken ct)
    {
        var card = TriageCard.Build(record, plan);
        if (plan.AlertDpo && configuration["Approvers:DPO"] is { Length: > 0 } dpo)
        {
            var sent = await messenger.SendToUserAsync(dpo, Message(card, urgent: true), ct);
            if (sent is null) logger.LogWarning("No Teams chat with the DPO yet; the breach alert went by email only");
        }
        if (string.IsNullOrWhiteSpace(options.TeamChannelConversationId)) return;
        var channel = await references.GetAsync(options.TeamChannelConversationId, ct);
        if (channel is null)
        {
            logger.LogWarning("The bot has no reference for the IA channel yet (install it in the team); triage card not posted");
            return;
        }
        await messenger.SendAsync(channel, Message(card, urgent: false), ct);
    }

    private static Activity Message(AdaptiveCard card, bool urgent) => new()
    {
        Type = ActivityTypes.Message,
        Summary = urgent ? "URGENT: possible data breach" : card.FallbackText,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJsonObject() }],
    };
}
