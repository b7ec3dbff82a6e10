using AiPolicyBot.Common;

namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// Carries out what a person's confirmation of the triage card allows: for a sender the mailbox could not verify, the
/// acknowledgement and (for a tool request) the request number and draft that triage held back. Idempotent.
/// </summary>
public interface ITriageRelease
{
    Task<Versioned<TriageRecord>> ReleaseAsync(Versioned<TriageRecord> confirmed, TriageActionPlan plan, CancellationToken ct);
}
