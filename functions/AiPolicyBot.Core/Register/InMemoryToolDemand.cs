using System.Collections.Concurrent;

namespace AiPolicyBot.Register;

/// <summary>Demand counts of this process only (tests, and hosts without storage).</summary>
public sealed class InMemoryToolDemand : IToolDemand
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Record(string toolId)
    {
        if (!string.IsNullOrWhiteSpace(toolId)) _counts.AddOrUpdate(toolId, 1, (_, n) => n + 1);
    }

    public ValueTask<IReadOnlyList<ToolDemandCount>> TopAsync(int count, CancellationToken ct) =>
        ValueTask.FromResult(Top(_counts, count));

    /// <summary>The ranking rule shared by every implementation: most first, ties by id.</summary>
    public static IReadOnlyList<ToolDemandCount> Top(IEnumerable<KeyValuePair<string, long>> counts, int count) =>
        counts.Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .Select(kv => new ToolDemandCount(kv.Key, kv.Value))
            .ToList();
}
