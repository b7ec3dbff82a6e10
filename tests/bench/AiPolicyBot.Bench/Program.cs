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
