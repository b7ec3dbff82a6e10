using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiPolicyBot.Testing.Hostile;

/// <summary>
/// Whether an operation's cost grows linearly with its input, without a wall-clock budget (a busy shared machine makes
/// absolute times meaningless; the timed figures live in tests/bench, docs/benchmarks.md). Two measures on an input
/// four times larger: bytes allocated on this thread (deterministic) and the CPU time this thread spent (the best of a
/// few runs; not stretched when other processes hold the cores); a linear operation costs about 4× (less where a cap
/// applies), a quadratic one 16×.
/// </summary>
public static class Linearity
{
    /// <summary>How much more the 4× input may cost: generous for noise, far below the quadratic 16×.</summary>
    public const double MaxGrowth = 10;

    /// <summary>Below this the smaller run's time is too small to divide by.</summary>
    private static readonly TimeSpan TimeFloor = TimeSpan.FromMilliseconds(2);

    public sealed record Growth(double Allocated, double Time, long SmallBytes, long LargeBytes, TimeSpan Small, TimeSpan Large)
    {
        public bool IsLinear => Allocated <= MaxGrowth && Time <= MaxGrowth;

        public override string ToString() =>
            $"allocated {SmallBytes:N0} → {LargeBytes:N0} B (×{Allocated:F1}), best time {Small.TotalMilliseconds:F1} → {Large.TotalMilliseconds:F1} ms (×{Time:F1})";
    }

    /// <summary>Runs <paramref name="run"/> on <paramref name="small"/> and on <paramref name="large"/> (four times its size).</summary>
    public static Growth Of<T>(Action<T> run, T small, T large, int rounds = 3)
    {
        run(small); // JIT and first-use costs out of the measure
        var (smallBytes, smallTime) = Measure(run, small, rounds);
        var (largeBytes, largeTime) = Measure(run, large, rounds);
        return new(largeBytes / (double)Math.Max(smallBytes, 1), largeTime / (smallTime > TimeFloor ? smallTime : TimeFloor),
            smallBytes, largeBytes, smallTime, largeTime);
    }

    private static (long Bytes, TimeSpan Best) Measure<T>(Action<T> run, T input, int rounds)
    {
        var bytes = long.MaxValue;
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpuTime();
            run(input);
            var elapsed = ThreadCpuTime() - start;
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
            if (elapsed < best) best = elapsed;
        }
        return (bytes, best);
    }

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID); elsewhere, wall time.</summary>
    private static TimeSpan ThreadCpuTime()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var t) == 0)
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        return Stopwatch.GetElapsedTime(0);
    }

    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SYSLIB1054 // a test helper: a plain P/Invoke of one blittable call, no marshalling to generate
    private static extern int clock_gettime(int clockId, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
