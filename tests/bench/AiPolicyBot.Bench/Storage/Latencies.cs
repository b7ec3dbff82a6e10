using System.Diagnostics;

namespace AiPolicyBot.Bench.Storage;

/// <summary>Timed calls from several workers for a fixed time: count per second and latency percentiles.</summary>
public static class Latencies
{
    public sealed record Result(string Name, int Calls, double Seconds, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
    {
        /// <summary>Every call's latency in ms, sorted.</summary>
        public double[] Samples { get; init; } = [];

        public double PerSecond => Calls / Seconds;

        public override string ToString() =>
            $"{Name,-34} {PerSecond,9:0.0}/s  p50 {P50Ms,7:0.00} ms  p95 {P95Ms,7:0.00} ms  p99 {P99Ms,7:0.00} ms  max {MaxMs,7:0.0} ms  ({Calls} calls)";
    }

    /// <summary>Runs <paramref name="call"/> (given a running index) on <paramref name="workers"/> workers until the time is up or <paramref name="maxCalls"/>.</summary>
    public static async Task<Result> RunAsync(string name, int workers, TimeSpan duration, Func<int, Task> call, int maxCalls = int.MaxValue)
    {
        var times = new List<double>[workers];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = times[w] = [];
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxCalls) break;
                var start = Stopwatch.GetTimestamp();
                await call(i);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = times.SelectMany(t => t).Order().ToArray();
        return Of(name, all, seconds);
    }

    /// <summary>Several slices of one measurement as one: calls and time add up, percentiles over every call.</summary>
    public static Result Merge(IReadOnlyList<Result> slices) =>
        Of(slices[0].Name, [.. slices.SelectMany(s => s.Samples).Order()], slices.Sum(s => s.Seconds));

    private static Result Of(string name, double[] sorted, double seconds) =>
        new(name, sorted.Length, seconds, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]) { Samples = sorted };

    public static double At(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    public static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[..3] is var l ? string.Join(' ', l) : "";
}
