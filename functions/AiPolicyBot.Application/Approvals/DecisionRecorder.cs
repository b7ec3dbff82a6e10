using System.Text.Json;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Approvals;

/// <summary>
/// Records a request's decisions in the decision log, each with its audit entry, and a final request's decision-mail
/// job: insert-if-absent, and an audit entry is appended only if the stream does not already hold it (checked against
/// the same end of the stream the append is guarded by), so running it again, or twice at once, adds nothing. It is
/// the first handler of every request event: a click commits only the request and its event (docs/approvals.md,
/// "What a click writes"), and the rows follow from the event; a repeated click runs it too, for rows a failed
/// follow-up left out.
/// </summary>
public sealed class DecisionRecorder(IDecisionLog decisions, IOutbox outbox, IAuditLog audit) : IRequestEventHandler
{
    /// <summary>
    /// The rows of the event's actor (their decisions, and their questions, answers or withdrawal), from the request
    /// as it now stands: rows the request holds are never taken back, so a later or repeated event finds them too.
    /// </summary>
    public Task HandleAsync(RequestEvent requestEvent, Versioned<ToolRequest> stored, CancellationToken ct)
    {
        if (requestEvent.Kind is RequestEventKind.Submitted or RequestEventKind.ReminderDue || requestEvent.ActorId is null) return Task.CompletedTask;
        var request = stored.Value;
        return EnsureAsync(request, [.. request.Decisions.Concat(ApprovalStateMachine.StepRows(request)).Where(d => d.ApproverId == requestEvent.ActorId)],
            repairAudit: true, ct);
    }

    /// <summary>
    /// Records <paramref name="rows"/> (decisions of <paramref name="request"/>); the decision-mail job rides with the
    /// last one. With <paramref name="repairAudit"/>, a row that was already there gets its audit entry if it has none
    /// (without, whoever wrote that row is trusted to have audited it or to be about to).
    /// </summary>
    public async Task EnsureAsync(ToolRequest request, IReadOnlyList<ApprovalDecision> rows, bool repairAudit, CancellationToken ct)
    {
        var mail = DecisionMail.JobFor(request, request.UpdatedAt);
        for (var i = 0; i < rows.Count; i++)
        {
            // The decision email job rides with the row that made the request final, in the same transaction.
            IReadOnlyList<OutboxJob> jobs = mail is not null && i == rows.Count - 1 ? [mail] : [];
            var recorded = await decisions.RecordAsync(request.Reference, rows[i], jobs, ct);
            if (!recorded && !repairAudit) continue;
            var row = rows[i];
            await audit.AppendUnlessAsync(request.Reference, DecisionAudit(row, request), e => Audits(e, row), ct);
        }
        if (mail is not null) await outbox.EnsureAsync(mail, ct);
    }

    /// <summary>
    /// The audit entry of this decision: same kind, person and role, and the same decision time (entries written
    /// before the time was recorded match without it).
    /// </summary>
    private static bool Audits(AuditEntry e, ApprovalDecision d)
    {
        if (e.Kind != AuditKinds.For(d.Kind) || e.ActorId != d.ApproverId) return false;
        var (role, decidedAt) = Read(e.Data);
        return role == d.Role && (decidedAt is null || decidedAt == d.DecidedAt);
    }

    private static (string? Role, DateTimeOffset? DecidedAt) Read(string? data)
    {
        if (data is null) return (null, null);
        try
        {
            var root = JsonDocument.Parse(data).RootElement;
            var role = root.TryGetProperty("role", out var r) ? r.GetString() : null;
            DateTimeOffset? at = root.TryGetProperty("decidedAt", out var t) && t.TryGetDateTimeOffset(out var parsed) ? parsed : null;
            return (role, at);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    // Pseudonymous ids and codes only: the audit log is kept for years (the note stays in the decision row). The
    // decision's own time is kept because the entry is written by the follow-up, moments after the click.
    private static AuditEvent DecisionAudit(ApprovalDecision d, ToolRequest request) =>
        new(AuditKinds.For(d.Kind), d.ApproverId, request.Reference, JsonSerializer.Serialize(new
        {
            role = d.Role,
            decision = d.Kind.ToString(),
            conditions = d.Conditions,
            hasNote = d.Comment is not null,
            state = request.State.ToString(),
            decidedAt = d.DecidedAt,
        }));
}
