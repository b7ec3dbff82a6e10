using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// <see cref="IDecisionLog"/> on the Decisions table: the decision row and its outbox rows in ONE entity-group
/// transaction (same PartitionKey = the reference), then a best-effort pointer per job on mail-outbox.
/// </summary>
public sealed class TableDecisionLog(MailStorage storage, OutboxQueue queue, TimeProvider time) : IDecisionLog
{
    public async Task<bool> RecordAsync(string reference, ApprovalDecision decision, IReadOnlyList<OutboxJob> outbox, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        foreach (var job in outbox)
            if (!string.Equals(job.Reference, reference, StringComparison.Ordinal))
                throw new ArgumentException($"Outbox job {job.JobId} belongs to {job.Reference}, not {reference}.", nameof(outbox));
        await storage.EnsureCreatedAsync(ct);

        var decisionRow = DecisionRows.ToEntity(reference, decision);
        var jobs = outbox.DistinctBy(j => j.JobId).ToList();
        var toInsert = new List<OutboxJob>(jobs);
        while (true)
        {
            List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, decisionRow)];
            actions.AddRange(toInsert.Select(j => new TableTransactionAction(TableTransactionActionType.Add, NewRow(j))));
            EntityGroupTransaction.EnsureOnePartition(actions);
            try
            {
                await storage.Decisions.SubmitTransactionAsync(actions, ct);
                break;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // Which row exists? The decision row ⇒ a repeated click: nothing was written. An outbox row ⇒ it was
                // ensured earlier (IOutbox.EnsureAsync): commit the decision without it.
                if (await ExistsAsync(decisionRow.PartitionKey, decisionRow.RowKey, ct)) return false;
                var before = toInsert.Count;
                var existing = new List<OutboxJob>();
                foreach (var j in toInsert)
                    if (await ExistsAsync(decisionRow.PartitionKey, DecisionRows.OutboxKey(j.JobId), ct)) existing.Add(j);
                toInsert.RemoveAll(existing.Contains);
                if (toInsert.Count == before) throw;
            }
        }

        foreach (var job in jobs) await queue.TryEnqueueAsync(new OutboxPointer(reference, job.JobId), ct);
        return true;
    }

    public async Task<IReadOnlyList<ApprovalDecision>> ListAsync(string reference, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DecisionRows.Partition(reference)}")
            + " and " + DecisionRows.PrefixFilter(DecisionRows.DecisionPrefix);
        var list = new List<ApprovalDecision>();
        await foreach (var e in storage.Decisions.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(DecisionRows.ToDecision(e));
        return [.. list.OrderBy(d => d.DecidedAt)];
    }

    private TableEntity NewRow(OutboxJob job) => DecisionRows.ToEntity(new OutboxRecord(job, OutboxState.Pending, null, time.GetUtcNow()));

    private async Task<bool> ExistsAsync(string pk, string rk, CancellationToken ct) =>
        (await storage.Decisions.GetEntityIfExistsAsync<TableEntity>(pk, rk, ["PartitionKey"], ct)).HasValue;
}
