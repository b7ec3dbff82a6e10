using System.Diagnostics;
using System.Text;
using AiPolicyBot.Bench.Benchmarks;
using AiPolicyBot.Bench.Fixtures;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Triage;
using Activity = AiPolicyBot.Teams.Protocol.Activity;

namespace AiPolicyBot.Bench;

/// <summary>
/// Per-call latency percentiles (BenchmarkDotNet reports per-iteration statistics, not per-call p99). Each case is
/// warmed up to steady state (tiered JIT), then timed call by call with Stopwatch in several rounds; every round is
/// printed and the median round's figures are the result. The machine is shared: rounds show the noise.
/// </summary>
public static class PercentileHarness
{
    /// <param name="only">When set, only the cases whose name contains it run (e.g. "JWT validation"), and the
    /// in-process bots are started only if a turn case is selected: a quick before/after on one hot path.</param>
    public static async Task RunAsync(int rounds, int calls, string? only = null)
    {
        _only = only;
        var entries = SyntheticRegister.Entries();
        var search = new RegisterSnapshot(entries).Search;
        var queries = SyntheticRegister.Queries(entries);
        var q = 0;

        var keys = new ChannelKeys();
        var authenticator = keys.Authenticator();
        var header = "Bearer " + keys.Token();
        var body = Encoding.UTF8.GetBytes(InProcessBot.Activity("a:p").Replace(InProcessBot.SinkUrl, ChannelKeys.ServiceUrl));
        var activity = System.Text.Json.JsonSerializer.Deserialize<Activity>(body, AiPolicyJson.Options)!;

        var router = new PolicyRouter(new PolicyOptions());
        var demo = new RegisterSnapshot(DemoRegister.Entries);
        var intakes = PolicyRoutingBenchmarks.Intakes.Values.Select(PolicyRoutingBenchmarks.Parse).ToArray();
        var today = new DateOnly(2026, 11, 27);

        var triage = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
        var mail = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl")))
            .Select(m => m.Mail).ToArray();

        var understanding = UnderstandingServices.Create(new NoAcademies());
        var chat = AiPolicyBot.Language.Conversation.ChatExample.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "chat-dev.jsonl")))
            .Select(r => r.Text).ToArray();
        understanding.Understand(chat[0], demo);

        await using var local = Selected("in-process turn") ? new InProcessBot() : null;
        await using var signed = Selected("in-process turn, JWT on") ? new InProcessBot(signedTokens: true) : null;
        if (local is not null) await local.WarmUpAsync();
        if (signed is not null) await signed.WarmUpAsync();

        Console.WriteLine($"# per-call latency, {rounds} rounds x {calls} calls, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| case | p50 µs | p95 µs | p99 µs | max µs | allocated B/call | CPU µs/call | GC pause µs/call | methods JIT'd while timed | rounds (p99 µs) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Measure("register search, 10,011 entries (typed query)", rounds, calls, () => search.Search(queries[q++ % queries.Length]));
        Measure("register FindInText (the turn's match)", rounds, calls, () => search.FindInText(InProcessBot.Question));
        Measure("policy routing (4 intakes)", rounds, calls, () => router.Evaluate(intakes[q++ % intakes.Length], demo, false, today));
        Measure("triage classification (dev set)", rounds, calls, () => triage.Classify(mail[q++ % mail.Length]));
        Measure("activity parse", rounds, calls, () => System.Text.Json.JsonSerializer.Deserialize<Activity>(body, AiPolicyJson.Options));
        Measure("message understanding (intent model + tool + hints, dev set)", rounds, calls, () => understanding.Understand(chat[q++ % chat.Length], demo));
        Measure("JWT validation, cached keys", rounds, calls, () => authenticator.AuthenticateAsync(header, activity, false, default).GetAwaiter().GetResult());
        Measure("in-process turn, local mode", rounds, calls, () => local!.TurnAsync().GetAwaiter().GetResult());
        Measure("in-process turn, JWT on", rounds, calls, () => signed!.TurnAsync().GetAwaiter().GetResult());
        if (local is not null) Console.WriteLine($"\nreply card sent to the connector: {local.AverageReplyBytes} bytes on average");
    }

    private static string? _only;

    private static bool Selected(string name) =>
        _only is null || name.Contains(_only, StringComparison.OrdinalIgnoreCase) || _only.Contains(name, StringComparison.OrdinalIgnoreCase);

    private static void Measure<T>(string name, int rounds, int calls, Func<T> action)
    {
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase)) return;
        for (var i = 0; i < Math.Max(500, calls / 5); i++) action();
        Thread.Sleep(300); // let tiered compilation promote the hot methods
        for (var i = 0; i < Math.Max(500, calls / 5); i++) action();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < 1000; i++) action();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1000;

        var results = new List<(double P50, double P95, double P99, double Max)>();
        var times = new double[calls];
        // Process CPU (every thread: GC, tiered JIT, timers) per call, and methods still being compiled while timed:
        // both move far less than wall time when other sessions share the cores.
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var pauseBefore = GC.GetTotalPauseDuration();
        var forced = TimeSpan.Zero; // the harness's own GC.Collect between rounds is not the turn's
        for (var r = 0; r < rounds; r++)
        {
            var beforeCollect = GC.GetTotalPauseDuration();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            forced += GC.GetTotalPauseDuration() - beforeCollect;
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                action();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
            Array.Sort(times);
            results.Add((times[calls / 2], times[(int)(calls * 0.95)], times[(int)(calls * 0.99)], times[^1]));
        }
        var cpuPerCall = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / ((double)rounds * calls);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        var pausePerCall = (GC.GetTotalPauseDuration() - pauseBefore - forced).TotalMicroseconds / ((double)rounds * calls);
        var median = results.OrderBy(x => x.P99).ElementAt(results.Count / 2);
        Console.WriteLine($"| {name} | {median.P50:F1} | {median.P95:F1} | {median.P99:F1} | {median.Max:F0} | {allocated:N0} | {cpuPerCall:F1} | {pausePerCall:F2} | {jitted} | {string.Join(", ", results.Select(x => x.P99.ToString("F1")))} |");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
