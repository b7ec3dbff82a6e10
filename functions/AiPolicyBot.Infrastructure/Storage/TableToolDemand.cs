using System.Collections.Concurrent;
using AiPolicyBot.Register;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Demand counts in {prefix}Counters, PartitionKey "toolDemand" (all time, register tools) and "toolAsks-yyyy-MM" (per
/// month, register ids and "unknown:Name"), RowKey = <see cref="TableKeys.Safe"/>(key), columns ToolId and Count.
/// <see cref="Record"/> only adds to an in-memory buffer (it runs on the search and "can I use X?" paths); a timer
/// flushes the buffer with ETag-conditional increments, so instances never lose each other's counts.
/// <see cref="TopAsync"/> serves a cached read of the partition plus what is still buffered; <see cref="AsksAsync"/>
/// reads the months of a period (one partition-range query: a few hundred rows a month at most).
/// </summary>
public sealed class TableToolDemand : IToolDemand, IAsyncDisposable
{
    public const string Partition = "toolDemand";
    public const string AsksPrefix = "toolAsks-";
    private const int MaxAttempts = 50;

    private readonly TableClients _tables;
    private readonly TimeProvider _time;
    private readonly ILogger<TableToolDemand> _logger;
    private readonly TimeSpan _readEvery;
    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Month, string Key), long> _pendingAsks = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly ITimer _timer;
    private volatile StoredCounts? _stored;

    private sealed record StoredCounts(IReadOnlyDictionary<string, long> Counts, DateTimeOffset ReadAt);

    public TableToolDemand(TableClients tables, TimeProvider time, ILogger<TableToolDemand> logger,
        TimeSpan? flushEvery = null, TimeSpan? readEvery = null)
    {
        _tables = tables;
        _time = time;
        _logger = logger;
        _readEvery = readEvery ?? TimeSpan.FromMinutes(1);
        var every = flushEvery ?? TimeSpan.FromSeconds(30);
        _timer = time.CreateTimer(_ => _ = FlushQuietlyAsync(), null, every, every);
    }

    public void Record(string toolId)
    {
        if (string.IsNullOrWhiteSpace(toolId)) return;
        _pending.AddOrUpdate(toolId, 1, (_, n) => n + 1);
        _pendingAsks.AddOrUpdate((IToolDemand.Month(_time.GetUtcNow()), toolId), 1, (_, n) => n + 1);
    }

    public void RecordUnknown(string toolName)
    {
        if (IToolDemand.UnknownKey(toolName) is { } key) _pendingAsks.AddOrUpdate((IToolDemand.Month(_time.GetUtcNow()), key), 1, (_, n) => n + 1);
    }

    public async ValueTask<IReadOnlyList<ToolDemandCount>> AsksAsync(DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        await _tables.EnsureCreatedAsync(ct);
        var low = AsksPrefix + (first?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var high = AsksPrefix + (last?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "~");
        var monthly = new List<KeyValuePair<(string, string), long>>();
        await foreach (var e in _tables.Counters.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey le {high}"), select: ["PartitionKey", "ToolId", "Count"], cancellationToken: ct))
        {
            if (e.GetString("ToolId") is { Length: > 0 } id) monthly.Add(new((e.PartitionKey[AsksPrefix.Length..], id), e.GetInt64("Count") ?? 0));
        }
        monthly.AddRange(_pendingAsks);
        return InMemoryToolDemand.SumMonths(monthly, first, last);
    }

    public async ValueTask<IReadOnlyList<ToolDemandCount>> TopAsync(int count, CancellationToken ct)
    {
        var stored = _stored;
        if (stored is null || _time.GetUtcNow() - stored.ReadAt >= _readEvery)
        {
            try
            {
                stored = _stored = await ReadAsync(ct);
            }
            catch (RequestFailedException e) when (stored is not null)
            {
                // Storage trouble: keep ranking with the last read rather than failing a search.
                _logger.LogWarning("Could not read tool demand ({Status}); using the last read", e.Status);
            }
        }

        var merged = new Dictionary<string, long>(stored!.Counts, StringComparer.Ordinal);
        foreach (var (id, n) in _pending) merged[id] = merged.GetValueOrDefault(id) + n;
        return InMemoryToolDemand.Top(merged, count);
    }

    /// <summary>Writes the buffered counts now (also on the timer and on dispose).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _flushGate.WaitAsync(ct);
        try
        {
            await _tables.EnsureCreatedAsync(ct);
            foreach (var id in _pending.Keys.ToList())
            {
                if (!_pending.TryRemove(id, out var n) || n <= 0) continue;
                try
                {
                    await IncrementAsync(Partition, id, n, ct);
                }
                catch
                {
                    // Not written: keep the count for the next flush.
                    _pending.AddOrUpdate(id, n, (_, m) => m + n);
                    throw;
                }
            }
            foreach (var key in _pendingAsks.Keys.ToList())
            {
                if (!_pendingAsks.TryRemove(key, out var n) || n <= 0) continue;
                try
                {
                    await IncrementAsync(AsksPrefix + key.Month, key.Key, n, ct);
                }
                catch
                {
                    _pendingAsks.AddOrUpdate(key, n, (_, m) => m + n);
                    throw;
                }
            }
            _stored = null; // the next TopAsync reads what was just written
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private async Task IncrementAsync(string partition, string toolId, long by, CancellationToken ct)
    {
        var rowKey = TableKeys.Safe(toolId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var current = await _tables.Counters.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
                if (!current.HasValue)
                {
                    await _tables.Counters.AddEntityAsync(new TableEntity(partition, rowKey) { ["ToolId"] = toolId, ["Count"] = by }, ct);
                    return;
                }
                var row = new TableEntity(partition, rowKey) { ["ToolId"] = toolId, ["Count"] = (current.Value!.GetInt64("Count") ?? 0L) + by };
                await _tables.Counters.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another instance flushed the same tool between our read and write: read again.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 3), ct);
            }
        }
        throw new AiPolicyBot.Common.ConcurrencyConflictException($"could not count demand for a tool after {MaxAttempts} attempts");
    }

    private async Task<StoredCounts> ReadAsync(CancellationToken ct)
    {
        await _tables.EnsureCreatedAsync(ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var e in _tables.Counters.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), select: ["ToolId", "Count"], cancellationToken: ct))
        {
            if (e.GetString("ToolId") is { Length: > 0 } id) counts[id] = e.GetInt64("Count") ?? 0;
        }
        return new StoredCounts(counts, _time.GetUtcNow());
    }

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogWarning("Could not write tool demand yet ({Error}); will retry", e.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await FlushQuietlyAsync();
        _flushGate.Dispose();
    }
}
