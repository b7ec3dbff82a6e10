using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory decision log: one row per (role, approver), outbox jobs by id.</summary>
public sealed class MemoryDecisionLog : IDecisionLog, IOutbox
{
    private readonly object _gate = new();
    public List<(string Reference, ApprovalDecision Decision)> Rows { get; } = [];

    private static (string, string, DecisionKind?, long) Key(ApprovalDecision d) =>
        d.Kind is DecisionKind.Approve or DecisionKind.ApproveWithConditions or DecisionKind.Reject
            ? (d.Role, d.ApproverId, null, 0)
            : (d.Role, d.ApproverId, d.Kind, d.DecidedAt.UtcTicks);
    public Dictionary<string, OutboxJob> Outbox { get; } = [];

    public Task<bool> RecordAsync(string reference, ApprovalDecision decision, IReadOnlyList<OutboxJob> outbox, CancellationToken ct)
    {
        lock (_gate)
        {
            // Keyed as the Decisions table keys rows: one decision per role and person; questions, answers and
            // withdrawals each at their own time.
            if (Rows.Any(r => r.Reference == reference && Key(r.Decision) == Key(decision))) return Task.FromResult(false);
            Rows.Add((reference, decision));
            foreach (var job in outbox) Outbox.TryAdd(job.JobId, job);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ApprovalDecision>> ListAsync(string reference, CancellationToken ct)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<ApprovalDecision>>([.. Rows.Where(r => r.Reference == reference).Select(r => r.Decision)]);
    }

    public Task EnsureAsync(OutboxJob job, CancellationToken ct)
    {
        lock (_gate) Outbox.TryAdd(job.JobId, job);
        return Task.CompletedTask;
    }
}
