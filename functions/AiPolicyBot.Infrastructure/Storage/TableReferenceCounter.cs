using AiPolicyBot.Common;
using AiPolicyBot.Requests;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Hands out AIP-YYYY-NNNN numbers from one counter row per year in {prefix}Counters (PartitionKey "reference",
/// RowKey = year, column Value). Every increment is ETag-conditional: when two callers read the same value only one
/// update succeeds (the other gets 412 and tries again), so no number is handed out twice. Other series (incident
/// cases, "INC-YYYY-NNNN") count in their own partition of the same table.
/// </summary>
public sealed class TableReferenceCounter(TableClients tables)
{
    public const string Partition = "reference";
    private const int MaxAttempts = 400;

    public async Task<string> NextAsync(int year, CancellationToken ct) =>
        RequestReference.Format(year, await NextNumberAsync(Partition, year, ct));

    /// <summary>The next number of <paramref name="series"/> in <paramref name="year"/> (1, 2, 3…), never handed out twice.</summary>
    public async Task<long> NextNumberAsync(string series, int year, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        if (year is < 2000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "A four-digit year is expected.");
        var rowKey = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var current = await tables.Counters.GetEntityIfExistsAsync<TableEntity>(series, rowKey, cancellationToken: ct);
                if (!current.HasValue)
                {
                    await tables.Counters.AddEntityAsync(new TableEntity(series, rowKey) { ["Value"] = 1L }, ct);
                    return 1;
                }
                var next = (current.Value!.GetInt64("Value") ?? 0L) + 1;
                var row = new TableEntity(series, rowKey) { ["Value"] = next };
                await tables.Counters.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, ct);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else took this number: back off a little (jittered, growing) and read again.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 3), ct);
            }
        }
        throw new ConcurrencyConflictException($"could not take a {series} number for {year} after {MaxAttempts} attempts");
    }
}
