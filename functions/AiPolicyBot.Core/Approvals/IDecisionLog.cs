using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// The append-only record of approvers' decisions, one partition per request. A decision and the outbox jobs it
/// causes are written in ONE transaction (Table Storage entity-group transaction), so an email is never lost or
/// sent for a decision that was not recorded. Jobs on their own go through <see cref="IOutbox"/>.
/// </summary>
public interface IDecisionLog
{
    /// <summary>
    /// Records one approver's decision together with <paramref name="outbox"/> jobs, atomically. Returns false when
    /// that approver already decided in that role (a repeated click): nothing is written then.
    /// </summary>
    Task<bool> RecordAsync(string reference, ApprovalDecision decision, IReadOnlyList<OutboxJob> outbox, CancellationToken ct);

    Task<IReadOnlyList<ApprovalDecision>> ListAsync(string reference, CancellationToken ct);
}
