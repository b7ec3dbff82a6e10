using System.Collections.Concurrent;

namespace AiPolicyBot.Fuzz;

/// <summary>Outcomes per target (HTTP status, timeout, connection error, or where a mail ended up) and the slowest case.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<(string Target, string Outcome), int> _counts = new();
    private readonly ConcurrentDictionary<string, long> _slowestTicks = new();

    public void Add(string target, string outcome, TimeSpan elapsed = default)
    {
        _counts.AddOrUpdate((target, outcome), 1, (_, n) => n + 1);
        _slowestTicks.AddOrUpdate(target, elapsed.Ticks, (_, t) => Math.Max(t, elapsed.Ticks));
    }

    /// <summary>
    /// Cases that must not happen: any 5xx but 501 (the protocol's answer to an invoke name nobody handles), a hang,
    /// a broken connection, a failed or stuck mail.
    /// </summary>
    public int Failures() => _counts.Where(kv => IsFailure(kv.Key.Outcome)).Sum(kv => kv.Value);

    public void Print(TextWriter output)
    {
        foreach (var target in _counts.Keys.Select(k => k.Target).Distinct().Order())
        {
            var row = _counts.Where(kv => kv.Key.Target == target).OrderBy(kv => kv.Key.Outcome, StringComparer.Ordinal).ToList();
            var slowest = TimeSpan.FromTicks(_slowestTicks.GetValueOrDefault(target));
            output.WriteLine($"  {target,-9} {string.Join(", ", row.Select(kv => $"{kv.Key.Outcome}: {kv.Value}"))}"
                + (target == "mail" ? "" : $"; slowest {slowest.TotalMilliseconds:F0} ms"));
        }
    }

    private static bool IsFailure(string outcome) =>
        outcome is "timeout" or "stuck in inbox" or "triaged/failed" || outcome.StartsWith("connection", StringComparison.Ordinal)
        || (int.TryParse(outcome, out var status) && status >= 500 && status != 501);
}
