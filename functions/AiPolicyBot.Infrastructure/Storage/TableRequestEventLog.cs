using AiPolicyBot.Common;
using AiPolicyBot.Requests;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// The request events' outbox rows (<see cref="RequestEventRows"/>), written by <see cref="TableRequestStore"/> with
/// their request change: read by the consumer to handle each event once, listed by the relay, finished by the consumer
/// (Handled) or the poison handler (Failed). Every move is ETag-guarded and forward only.
/// </summary>
public sealed class TableRequestEventLog(TableClients tables, TimeProvider time)
{
    private TableClient Table => tables.Requests;

    /// <summary>The event's row, or null when it has none (an event from before the outbox, or a malformed id).</summary>
    public async Task<Versioned<RequestEventRecord>?> GetAsync(RequestEvent e, CancellationToken ct)
    {
        if (e.Id is not { Length: > 0 } id || !RequestReference.TryParse(e.Reference, out var year, out _)) return null;
        await tables.EnsureCreatedAsync(ct);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(RequestEventRows.Partition(year), RequestEventRows.RowKey(e.Reference, id), cancellationToken: ct);
        return found.HasValue ? new(RequestEventRows.ToRecord(found.Value!), found.Value!.ETag.ToString()) : null;
    }

    public Task<Versioned<RequestEventRecord>> MarkHandledAsync(Versioned<RequestEventRecord> current, CancellationToken ct) =>
        MoveAsync(current, RequestEventState.Handled, null, ct);

    public Task<Versioned<RequestEventRecord>> MarkFailedAsync(Versioned<RequestEventRecord> current, string reason, CancellationToken ct) =>
        MoveAsync(current, RequestEventState.Failed, reason, ct);

    /// <summary>Pending events whose row has not changed since <paramref name="olderThan"/> (cross-partition: a few a day).</summary>
    public async Task<IReadOnlyList<RequestEvent>> ListPendingAsync(DateTimeOffset olderThan, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var filter = RequestEventRows.AllFilter + " and " + TableClient.CreateQueryFilter(
            $"EventState eq {nameof(RequestEventState.Pending)} and UpdatedAt le {olderThan}");
        var list = new List<RequestEvent>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(RequestEventRows.ToRecord(e).Event);
        return list;
    }

    private async Task<Versioned<RequestEventRecord>> MoveAsync(
        Versioned<RequestEventRecord> current, RequestEventState to, string? reason, CancellationToken ct)
    {
        if (current.Value.IsFinished)
            throw new InvalidOperationException($"Request event {current.Value.Event.Id} is {current.Value.State}; it cannot move to {to}.");
        var next = current.Value with { State = to, UpdatedAt = time.GetUtcNow(), LastError = reason };
        if (!RequestReference.TryParse(next.Event.Reference, out var year, out _))
            throw new InvalidOperationException($"'{next.Event.Reference}' is not a request reference.");
        return await TableErrors.MapConflicts(async () =>
        {
            var response = await Table.UpdateEntityAsync(RequestEventRows.ToEntity(RequestEventRows.Partition(year), next),
                new ETag(current.Version), TableUpdateMode.Replace, ct);
            return new Versioned<RequestEventRecord>(next, response.Headers.ETag!.Value.ToString());
        }, $"request event {next.Event.Id}");
    }
}
