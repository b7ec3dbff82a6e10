using AiPolicyBot.Common;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Teams.Triage;

/// <summary>
/// Shared by the two triage verbs: only clicks from the configured IA channel count (card data is client-supplied,
/// so the record is loaded by key and the conversation checked); the record gets the confirmed category
/// (ETag-guarded) and TriageCorrections a row for retraining. The confirmation vouches for the sender, so what triage
/// held back for an unverified sender is released (<see cref="ITriageRelease"/>). The card is replaced with the decided version.
/// </summary>
public sealed class TriageReview(ITriageRecordStore records, ITriageCorrectionStore corrections, ITriageRelease release,
    TriageOptions options, TimeProvider time)
{
    public async Task<AdaptiveCardInvokeResponse> DecideAsync(TurnContext turn, CardActionInvoke action, TriageCategory? chosen, CancellationToken ct)
    {
        var conversation = turn.Activity.Conversation?.Id ?? "";
        var channel = options.TeamChannelConversationId ?? "";
        // Teams appends ";messageid=…" to a channel thread's conversation id.
        if (channel.Length == 0 || !(conversation == channel || conversation.StartsWith(channel + ";", StringComparison.Ordinal)))
            return InvokeResponseFactory.Forbidden("Triage is confirmed in the IA team channel only.");
        if (turn.UserAadObjectId is not { Length: > 0 } userId)
            return InvokeResponseFactory.Forbidden("Unknown user.");
        var key = action.GetString("triageKey");
        if (string.IsNullOrEmpty(key) || key.Length != 64)
            return InvokeResponseFactory.BadRequest("triageKey: missing or malformed.");

        for (var attempt = 0; ; attempt++)
        {
            var current = await records.GetAsync(key, ct);
            if (current is null) return InvokeResponseFactory.BadRequest("triageKey: no such triaged mail.");
            var confirmed = chosen ?? current.Value.Category;
            var updated = current.Value with { ConfirmedCategory = confirmed, ConfirmedBy = userId, UpdatedAt = time.GetUtcNow() };
            Versioned<TriageRecord> saved;
            try
            {
                saved = await records.UpdateAsync(updated, current.Version, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                continue;
            }
            await corrections.SaveAsync(new TriageCorrection(key, current.Value.Category, confirmed, current.Value.Confidence,
                current.Value.Signals, userId, time.GetUtcNow(), current.Value.Example), ct);
            var plan = TriageActionPlanner.Plan(confirmed, new MailToTriage(updated.FromAddress, null, updated.Subject, ""), options,
                senderVouchedFor: true);
            saved = await release.ReleaseAsync(saved, plan, ct);
            return InvokeResponseFactory.Card(TriageCard.Build(saved.Value, plan));
        }
    }
}
