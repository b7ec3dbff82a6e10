using AiPolicyBot.Common;
using AiPolicyBot.Training;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Training records in table {prefix}Training: PartitionKey = <see cref="TableKeys.Safe"/>(user's Entra object id), so
/// "everything this person completed" is one partition read; RowKey = Safe(register entry id). Columns UserId,
/// EntryId, CompletedAt, PolicyVersion. No names or e-mail addresses.
/// </summary>
public sealed class TableTrainingStore(TableClients tables) : ITrainingStore
{
    private const int MaxAttempts = 10;
    private TableClient Table => tables.Training;

    public async Task<TrainingRecord> RecordAsync(TrainingRecord record, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(record.UserId), TableKeys.Safe(record.EntryId), cancellationToken: ct);
            try
            {
                if (!current.HasValue)
                {
                    await Table.AddEntityAsync(ToEntity(record), ct);
                    return record;
                }
                var stored = ToRecord(current.Value!);
                if (stored.CompletedAt >= record.CompletedAt) return stored; // never replace a newer completion
                await Table.UpdateEntityAsync(ToEntity(record), current.Value!.ETag, TableUpdateMode.Replace, ct);
                return record;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Recorded at the same moment elsewhere: read again and compare.
            }
        }
        throw new ConcurrencyConflictException($"training record for entry {record.EntryId} kept changing");
    }

    public async Task<TrainingRecord?> GetAsync(string userId, string entryId, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(userId), TableKeys.Safe(entryId), cancellationToken: ct);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    public async Task<bool> HasCompletedAsync(string userId, string entryId, CancellationToken ct) =>
        await GetAsync(userId, entryId, ct) is not null;

    public async Task<IReadOnlyList<TrainingRecord>> ListForUserAsync(string userId, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var list = new List<TrainingRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(userId)}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(ToRecord(e));
        return list;
    }

    public async IAsyncEnumerable<TrainingRecord> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: ct)) yield return ToRecord(e);
    }

    /// <summary>The stored row of a training record (also what the scale generator writes in batches).</summary>
    public static TableEntity ToEntity(TrainingRecord r) => new(TableKeys.Safe(r.UserId), TableKeys.Safe(r.EntryId))
    {
        ["UserId"] = r.UserId,
        ["EntryId"] = r.EntryId,
        ["CompletedAt"] = r.CompletedAt,
        ["PolicyVersion"] = r.PolicyVersion,
    };

    private static TrainingRecord ToRecord(TableEntity e) => new(
        e.GetString("UserId"), e.GetString("EntryId"), e.GetDateTimeOffset("CompletedAt") ?? default, e.GetString("PolicyVersion"));
}
