using AiPolicyBot.Bench;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// BenchmarkDotNet suite (default) or the per-call percentile harness ("percentiles [rounds] [calls] [case name part]").
if (args.Length > 0 && args[0] == "percentiles")
{
    var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
    var calls = args.Length > 2 ? int.Parse(args[2]) : 5_000;
    await PercentileHarness.RunAsync(rounds, calls, args.Length > 3 ? args[3] : null);
    return;
}

if (args.Length > 3 && args[0] == "triage-baseline")
{
    TriageBaselineWriter.Run(args[1], args[2], args[3]);
    return;
}

if (args.Length > 0 && args[0] == "triage-create")
{
    TriageCreateHarness.Run(split: args.Length > 1 && args[1] == "split");
    return;
}

// Storage benchmarks against Azurite (AIPOLICYBOT_BENCH_STORAGE, a connection string; tests/bench/storage.sh starts one).
var storage = Environment.GetEnvironmentVariable("AIPOLICYBOT_BENCH_STORAGE");
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
if (args.Length > 0 && args[0] == "approval-click")
{
    await AiPolicyBot.Bench.Storage.ApprovalClickHarness.RunAsync(storage ?? throw new InvalidOperationException("set AIPOLICYBOT_BENCH_STORAGE"),
        seconds: Arg(1, 15), clickers: Arg(2, 16), rounds: Arg(3, 3));
    return;
}

if (args.Length > 0 && args[0] == "triage-throughput")
{
    await AiPolicyBot.Bench.Storage.TriageThroughputHarness.RunAsync(storage, mails: Arg(1, 10_000), pipelineMails: Arg(2, 10_000));
    return;
}

// "large-trust PREFIX PEOPLE SAMPLES": on a trust tools/ScaleData generated with that prefix (tests/bench/storage.sh).
if (args.Length > 1 && args[0] == "large-trust")
{
    await AiPolicyBot.Bench.Storage.LargeTrustHarness.RunAsync(storage ?? throw new InvalidOperationException("set AIPOLICYBOT_BENCH_STORAGE"),
        prefix: args[1], people: Arg(2, 20_000), samples: Arg(3, 300));
    return;
}

if (args.Length > 0 && args[0] == "triage-load")
{
    TriageCostHarness.Load();
    return;
}

if (args.Length > 0 && args[0] == "triage-five-mb")
{
    TriageCostHarness.FiveMegabytes(args.Length > 1 ? int.Parse(args[1]) : 3);
    return;
}

if (args.Length > 0 && args[0] == "first-call")
{
    Console.WriteLine("| first use in a fresh process | ms |\n|---|---:|");
    await FirstCallHarness.RunAsync();
    return;
}

// A short job, in process (no per-benchmark project build), so the whole suite takes a few minutes on 2 cores.
var config = ManualConfig.CreateMinimumViable()
    .AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(7).WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(PercentileHarness).Assembly).Run(args, config);
