using AiPolicyBot.Common;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Application.Triage;

/// <summary>
/// After a person confirms a triage card: runs the confirmed plan through <see cref="TriageActions"/>, whose steps are
/// all insert-if-absent, so what was already done is not done again and what was held (an unverified sender's
/// acknowledgement and draft) is done now. The mail body is not kept, so the draft is made from the stored subject.
/// </summary>
public sealed class TriageRelease(TriageActions actions) : ITriageRelease
{
    public async Task<Versioned<TriageRecord>> ReleaseAsync(Versioned<TriageRecord> confirmed, TriageActionPlan plan, CancellationToken ct)
    {
        if (!plan.CreateDraftRequest && !plan.AcknowledgeSender) return confirmed;
        var r = confirmed.Value;
        var mail = new InboundMail(r.Source, r.SourceId, r.InternetMessageId, r.FromAddress, null, r.Subject, "",
            new Dictionary<string, string>(), r.ReceivedAt);
        return await actions.ExecuteAsync(confirmed, mail, plan, ct);
    }
}
