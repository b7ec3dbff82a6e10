using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Outbox rows ("outbox|{jobId}") in the Decisions table: recorded through <see cref="IOutbox"/> (insert-if-absent, then
/// a best-effort pointer on mail-outbox) and moved on by the sender through <see cref="IOutboxStore"/>.
/// </summary>
public sealed class TableOutbox(MailStorage storage, OutboxQueue queue, TimeProvider time) : IOutboxStore, IOutbox
{
    public async Task EnsureAsync(OutboxJob job, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        try
        {
            await storage.Decisions.AddEntityAsync(DecisionRows.ToEntity(new OutboxRecord(job, OutboxState.Pending, null, time.GetUtcNow())), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return; // already there: queued then, or the relay has it
        }

        await queue.TryEnqueueAsync(new OutboxPointer(job.Reference, job.JobId), ct);
    }

    public async Task<Versioned<OutboxRecord>?> GetAsync(string reference, string jobId, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var found = await storage.Decisions.GetEntityIfExistsAsync<TableEntity>(
            DecisionRows.Partition(reference), DecisionRows.OutboxKey(jobId), cancellationToken: ct);
        return found.HasValue ? new(DecisionRows.ToOutbox(found.Value!), found.Value!.ETag.ToString()) : null;
    }

    public Task<Versioned<OutboxRecord>> MarkDraftedAsync(Versioned<OutboxRecord> current, string draftId, CancellationToken ct) =>
        MoveAsync(current, OutboxState.Drafted, r => r with { DraftId = draftId }, ct);

    public Task<Versioned<OutboxRecord>> MarkSentAsync(Versioned<OutboxRecord> current, CancellationToken ct) =>
        MoveAsync(current, OutboxState.Sent, r => r with { LastError = null }, ct);

    public Task<Versioned<OutboxRecord>> MarkFailedAsync(Versioned<OutboxRecord> current, string reason, CancellationToken ct) =>
        MoveAsync(current, OutboxState.Failed, r => r with { LastError = reason }, ct);

    public async Task<IReadOnlyList<OutboxRecord>> ListUnsentAsync(DateTimeOffset olderThan, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        // Cross-partition query on a RowKey range: fine at approval volumes (docs/mail.md).
        var filter = DecisionRows.PrefixFilter(DecisionRows.OutboxPrefix) + " and " + TableClient.CreateQueryFilter(
            $"State ne {nameof(OutboxState.Sent)} and State ne {nameof(OutboxState.Failed)} and UpdatedAt le {olderThan}");
        var list = new List<OutboxRecord>();
        await foreach (var e in storage.Decisions.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(DecisionRows.ToOutbox(e));
        return list;
    }

    private async Task<Versioned<OutboxRecord>> MoveAsync(
        Versioned<OutboxRecord> current, OutboxState to, Func<OutboxRecord, OutboxRecord> change, CancellationToken ct)
    {
        if (current.Value.IsFinished)
            throw new InvalidOperationException($"Outbox job {current.Value.Job.JobId} is {current.Value.State}; it cannot move to {to}.");
        var next = change(current.Value) with { State = to, UpdatedAt = time.GetUtcNow() };
        try
        {
            var response = await storage.Decisions.UpdateEntityAsync(
                DecisionRows.ToEntity(next), new ETag(current.Version), TableUpdateMode.Replace, ct);
            return new(next, response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"outbox job {current.Value.Job.JobId} changed ({e.Status})", e);
        }
    }
}
