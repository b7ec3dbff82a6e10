using System.Text.Json;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Approvals;

/// <summary>
/// Makes sure a request's decisions are in the decision log, each with its audit entry, and a final request has its
/// decision-mail job: insert-if-absent (an audit entry is looked for before it is added again), so running it again
/// adds nothing. The approval workflow runs it right after a
/// change; as a request-event handler it runs again when the change's event is consumed, so a crash between storing
/// the request and writing these rows is healed without anyone clicking again.
/// </summary>
public sealed class DecisionRecorder(IDecisionLog decisions, IOutbox outbox, IAuditLog audit) : IRequestEventHandler
{
    /// <summary>
    /// The rows of the event's actor only (their decisions, and their questions, answers or withdrawal): the workflow that made them published this event as its last step, so it is
    /// finished (or dead), and no other writer is between their row and their audit entry.
    /// </summary>
    public Task HandleAsync(RequestEvent requestEvent, ToolRequest request, CancellationToken ct) =>
        requestEvent.Kind is RequestEventKind.Submitted or RequestEventKind.ReminderDue || requestEvent.ActorId is null
            ? Task.CompletedTask
            : EnsureAsync(request, [.. request.Decisions.Concat(ApprovalStateMachine.StepRows(request)).Where(d => d.ApproverId == requestEvent.ActorId)],
                repairAudit: true, ct);

    /// <summary>
    /// Records <paramref name="rows"/> (decisions of <paramref name="request"/>); the decision-mail job rides with the
    /// last one. With <paramref name="repairAudit"/>, a row that was already there gets its audit entry if it has none.
    /// </summary>
    public async Task EnsureAsync(ToolRequest request, IReadOnlyList<ApprovalDecision> rows, bool repairAudit, CancellationToken ct)
    {
        var mail = DecisionMail.JobFor(request, request.UpdatedAt);
        IReadOnlyList<AuditEntry>? stream = null;
        for (var i = 0; i < rows.Count; i++)
        {
            // The decision email job rides with the row that made the request final, in the same transaction.
            IReadOnlyList<OutboxJob> jobs = mail is not null && i == rows.Count - 1 ? [mail] : [];
            var recorded = await decisions.RecordAsync(request.Reference, rows[i], jobs, ct);
            // A row already there may have lost its audit entry to a crash right after it was written.
            if (!recorded && (!repairAudit || Audited(stream ??= await audit.ReadAsync(request.Reference, ct), rows[i]))) continue;
            await audit.AppendAsync(request.Reference, DecisionAudit(rows[i], request), ct);
        }
        if (mail is not null) await outbox.EnsureAsync(mail, ct);
    }

    private static bool Audited(IReadOnlyList<AuditEntry> stream, ApprovalDecision d) =>
        stream.Any(e => e.Kind == AuditKinds.For(d.Kind) && e.ActorId == d.ApproverId && RoleOf(e.Data) == d.Role);

    private static string? RoleOf(string? data)
    {
        if (data is null) return null;
        try
        {
            return JsonDocument.Parse(data).RootElement.TryGetProperty("role", out var role) ? role.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Pseudonymous ids and codes only: the audit log is kept for years (the note stays in the decision row).
    private static AuditEvent DecisionAudit(ApprovalDecision d, ToolRequest request) =>
        new(AuditKinds.For(d.Kind), d.ApproverId, request.Reference, JsonSerializer.Serialize(new
        {
            role = d.Role,
            decision = d.Kind.ToString(),
            conditions = d.Conditions,
            hasNote = d.Comment is not null,
            state = request.State.ToString(),
        }));
}
