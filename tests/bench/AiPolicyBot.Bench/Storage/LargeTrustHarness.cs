using System.Diagnostics;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Testing.Cost;
using AiPolicyBot.Tools.ScaleData;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Bench.Storage;

/// <summary>
/// "large-trust": "my requests" and "pending approvals" asked as staff messages through the endpoint, one at a time,
/// on a trust tools/ScaleData generated on Azurite beforehand (tests/bench/storage.sh large-trust runs it, or reuses
/// one already there to measure two builds on the same rows): their latency percentiles, where each turn's time goes (every storage
/// call it made, with its mean time, against the rest), and a check that none of those turns scanned a table.
/// </summary>
public static class LargeTrustHarness
{
    public static async Task RunAsync(string connectionString, string prefix, int people, int samples)
    {
        Console.WriteLine($"# large-trust on the generated trust '{prefix}' ({people} people), {samples} turns each; load average {Latencies.Load()}");
        await using var rig = new StorageRig(connectionString, prefix: prefix);
        var generator = new TrustGenerator(new ScaleOptions(prefix, connectionString, people, 0, 0, 0, 0, default));

        // Data written by the generator (or an older version) has no index until the first listing builds it (one
        // scan, once): timed on its own, then the measured turns see what every later turn sees.
        var clock = Stopwatch.StartNew();
        if (await rig.TurnAsync("my requests", generator.PersonId(1), "a:large-first") != 200) throw new InvalidOperationException("my requests failed");
        Console.WriteLine($"first listing (the index built if it was not yet): {clock.Elapsed.TotalSeconds:0.0} s");
        if (await rig.TurnAsync("pending", StorageRig.Cio, "a:large-pending") != 200) throw new InvalidOperationException("pending failed");
        var open = await rig.Services.GetRequiredService<IRequestStore>().ListOpenAsync(default);
        var waiting = await rig.Services.GetRequiredService<PendingApprovalsQuery>().ForAsync(StorageRig.Cio, default);
        Console.WriteLine($"open requests {open.Count}, waiting for the CIO {waiting.Count}; load average {Latencies.Load()}");
        if (open.Count == 0) throw new InvalidOperationException($"no trust under the prefix '{prefix}' (generate it with tools/ScaleData)");

        var seed = Environment.TickCount & 0xffff; // another sample of people each run: most are new to the bot, as in a first turn
        Console.WriteLine($"people sampled with seed {seed}");
        var random = new Random(seed);
        var mine = await MeasureAsync(rig, "\"my requests\" turn", samples,
            () => rig.TurnAsync("my requests", generator.PersonId(1 + random.Next(people)), "a:large-mine"));
        var pending = await MeasureAsync(rig, "\"pending approvals\" turn (CIO)", samples,
            () => rig.TurnAsync("pending", StorageRig.Cio, "a:large-pending"));
        Console.WriteLine(mine);
        Console.WriteLine(pending);
    }

    private static async Task<Latencies.Result> MeasureAsync(StorageRig rig, string name, int samples, Func<Task<int>> turn)
    {
        rig.Calls.Clear();
        var result = await Latencies.RunAsync(name, 1, TimeSpan.FromMinutes(5), async _ =>
        {
            if (await turn() != 200) throw new InvalidOperationException(name + " failed");
        }, samples);
        var calls = rig.Calls.Tables.Calls.Concat(rig.Calls.Queues.Calls).ToList();
        Console.WriteLine($"## {name}: where a turn's time goes ({result.Calls} turns, mean {result.Samples.Average():0.00} ms)");
        foreach (var g in calls.GroupBy(c => $"{c.Service} {c.Method} {c.Resource.Replace(rig.Prefix, "", StringComparison.Ordinal)}{(c.IsQuery ? " (query)" : "")}"))
            Console.WriteLine($"  {g.Key,-48} {(double)g.Count() / result.Calls,5:0.00} per turn, mean {g.Average(c => c.Elapsed.TotalMilliseconds),7:0.00} ms");
        Console.WriteLine($"  storage time per turn {calls.Sum(c => c.Elapsed.TotalMilliseconds) / result.Calls:0.00} ms (summed over its calls; the rest is the bot)");
        var scans = calls.Where(c => c.IsScan).ToList();
        Console.WriteLine($"  table scans: {scans.Count}{(scans.Count > 0 ? " (" + string.Join(", ", scans.Select(s => s.Resource).Distinct()) + ")" : "")}; load average {Latencies.Load()}");
        return result;
    }
}
