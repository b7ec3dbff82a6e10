using Azure.Data.Tables;

namespace AiPolicyBot.Tools.ScaleData;

/// <summary>
/// Writes rows as entity-group transactions: grouped by partition, 100 at most per transaction (the service's limit),
/// <paramref name="parallel"/> transactions at a time. Upserts, so running the generator twice leaves the same rows.
/// </summary>
public sealed class TableWriter(int parallel)
{
    private const int MaxBatch = 100;

    public async Task WriteAsync(TableClient table, IEnumerable<TableEntity> rows)
    {
        var batches = rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxBatch))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (batch, ct) =>
        {
            if (batch.Length == 1) await table.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, ct);
            else await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
        });
    }
}
