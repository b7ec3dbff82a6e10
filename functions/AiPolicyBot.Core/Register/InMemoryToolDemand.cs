using System.Collections.Concurrent;

namespace AiPolicyBot.Register;

/// <summary>Demand counts of this process only (tests, and hosts without storage).</summary>
public sealed class InMemoryToolDemand(TimeProvider? time = null) : IToolDemand
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Month, string Key), long> _asks = new();

    public void Record(string toolId)
    {
        if (string.IsNullOrWhiteSpace(toolId)) return;
        _counts.AddOrUpdate(toolId, 1, (_, n) => n + 1);
        _asks.AddOrUpdate((IToolDemand.Month(_time.GetUtcNow()), toolId), 1, (_, n) => n + 1);
    }

    public void RecordUnknown(string toolName)
    {
        if (IToolDemand.UnknownKey(toolName) is { } key) _asks.AddOrUpdate((IToolDemand.Month(_time.GetUtcNow()), key), 1, (_, n) => n + 1);
    }

    public ValueTask<IReadOnlyList<ToolDemandCount>> TopAsync(int count, CancellationToken ct) =>
        ValueTask.FromResult(Top(_counts, count));

    public ValueTask<IReadOnlyList<ToolDemandCount>> AsksAsync(DateOnly? first, DateOnly? last, CancellationToken ct) =>
        ValueTask.FromResult(SumMonths(_asks, first, last));

    /// <summary>The ranking rule shared by every implementation: most first, ties by id.</summary>
    public static IReadOnlyList<ToolDemandCount> Top(IEnumerable<KeyValuePair<string, long>> counts, int count) =>
        counts.Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .Select(kv => new ToolDemandCount(kv.Key, kv.Value))
            .ToList();

    /// <summary>Monthly counts summed per tool over the months that overlap the period, most first.</summary>
    public static IReadOnlyList<ToolDemandCount> SumMonths(IEnumerable<KeyValuePair<(string Month, string Key), long>> monthly, DateOnly? from, DateOnly? to)
    {
        var first = from is { } f ? f.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : null;
        var last = to is { } t ? t.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : null;
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((month, key), n) in monthly)
        {
            if (first is not null && string.CompareOrdinal(month, first) < 0) continue;
            if (last is not null && string.CompareOrdinal(month, last) > 0) continue;
            sums[key] = sums.GetValueOrDefault(key) + n;
        }
        return Top(sums, int.MaxValue);
    }
}
