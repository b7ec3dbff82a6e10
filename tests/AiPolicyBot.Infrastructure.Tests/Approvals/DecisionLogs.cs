using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Approvals;

/// <summary>The decision log the concurrency tests run against, with a way to count a request's decision email jobs.</summary>
internal interface ITestDecisionLog : IDecisionLog
{
    Task<int> OutboxCountAsync(string reference);
}

internal static class DecisionLogs
{
    // Until the Table decision log lands in main: a thread-safe in-memory log with the same contract.
    public static ITestDecisionLog Create(StorageOptions options) => new LockedDecisionLog();

    private sealed class LockedDecisionLog : ITestDecisionLog
    {
        private readonly object _gate = new();
        private readonly List<(string Reference, ApprovalDecision Decision)> _rows = [];
        private readonly Dictionary<string, OutboxJob> _outbox = [];

        public Task<bool> RecordAsync(string reference, ApprovalDecision decision, IReadOnlyList<OutboxJob> outbox, CancellationToken ct)
        {
            lock (_gate)
            {
                if (_rows.Any(r => r.Reference == reference && r.Decision.Role == decision.Role && r.Decision.ApproverId == decision.ApproverId))
                    return Task.FromResult(false);
                _rows.Add((reference, decision));
                foreach (var job in outbox) _outbox.TryAdd(job.JobId, job);
                return Task.FromResult(true);
            }
        }

        public Task<IReadOnlyList<ApprovalDecision>> ListAsync(string reference, CancellationToken ct)
        {
            lock (_gate) return Task.FromResult<IReadOnlyList<ApprovalDecision>>([.. _rows.Where(r => r.Reference == reference).Select(r => r.Decision)]);
        }

        public Task EnsureOutboxAsync(OutboxJob job, CancellationToken ct)
        {
            lock (_gate) _outbox.TryAdd(job.JobId, job);
            return Task.CompletedTask;
        }

        public Task<int> OutboxCountAsync(string reference)
        {
            lock (_gate) return Task.FromResult(_outbox.Values.Count(j => j.Reference == reference && j.Kind == MailKind.Decision));
        }
    }
}
