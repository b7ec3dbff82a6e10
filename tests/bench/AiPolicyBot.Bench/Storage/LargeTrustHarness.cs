using System.Diagnostics;
using AiPolicyBot.Academies;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Cost;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Bench.Storage;

/// <summary>
/// "large-trust": a generated trust on Azurite (people with their academy, requests spread over them with a small open
/// share, audit rows under every request), then "my requests" and "pending approvals" asked as staff messages through
/// the endpoint, one at a time, with their latency percentiles, and a check that none of those turns scanned a table.
/// The requests are copies of one submitted through the real routing, stored through the real request store (so its
/// index is written as in production); audit rows are written in entity-group batches per request.
/// </summary>
public static class LargeTrustHarness
{
    public static async Task RunAsync(string connectionString, int people, int requests, int auditRows, int openRequests, int samples)
    {
        Console.WriteLine($"# large-trust: {people} people, {requests} requests ({openRequests} open), {auditRows} audit rows; load average {Latencies.Load()}");
        await using var rig = new StorageRig(connectionString);
        var store = rig.Services.GetRequiredService<IRequestStore>();
        var academies = rig.Services.GetRequiredService<IStaffAcademyStore>();
        var tables = rig.Services.GetRequiredService<TableClients>();
        await tables.EnsureCreatedAsync(default);
        var template = (await store.GetAsync(await rig.SubmitAsync(Person(0)), default))!.Value;
        var clock = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 32 };

        await Parallel.ForAsync(0, people, options, async (p, ct) => await academies.SetAsync(Person(p), "oakfield", ct));
        Console.WriteLine($"people written in {clock.Elapsed.TotalSeconds:0} s");

        clock.Restart();
        var start = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Parallel.ForAsync(0, requests, options, async (i, ct) =>
        {
            var open = i >= requests - openRequests; // the newest few are still open
            var request = template with
            {
                Reference = Reference(i, requests),
                RequesterId = Person(i % people),
                State = open ? RequestState.Pending : RequestState.Approved,
                PendingRoles = open ? template.PendingRoles : [],
                SubmittedAt = start.AddHours(i * 1.7),
                UpdatedAt = start.AddHours(i * 1.7 + 30),
            };
            await store.CreateAsync(request, ct);
        });
        Console.WriteLine($"requests written in {clock.Elapsed.TotalSeconds:0} s");

        clock.Restart();
        var perRequest = Math.Max(1, auditRows / requests);
        await Parallel.ForAsync(0, requests, options, async (i, ct) =>
        {
            var stream = Reference(i, requests);
            var batch = Enumerable.Range(1, perRequest).Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(stream, s.ToString("D10")) { ["Kind"] = "generated", ["Actor"] = Person(i % people), ["Hash"] = new string('a', 64) })).ToList();
            await tables.Audit.SubmitTransactionAsync(batch, ct);
        });
        Console.WriteLine($"audit rows written in {clock.Elapsed.TotalSeconds:0} s; load average {Latencies.Load()}");

        // Data written by an older version has no index until the first listing builds it (one scan, once):
        // timed on its own, then the measured turns see what every later turn sees.
        clock.Restart();
        if (await rig.TurnAsync("my requests", Person(1), "a:large-first") != 200) throw new InvalidOperationException("my requests failed");
        Console.WriteLine($"first listing (index backfill of every request, once): {clock.Elapsed.TotalSeconds:0.0} s");
        if (await rig.TurnAsync("pending", StorageRig.Cio, "a:large-pending") != 200) throw new InvalidOperationException("pending failed");

        rig.Calls.Clear();
        var random = new Random(22);
        var mine = await Latencies.RunAsync("\"my requests\" turn", 1, TimeSpan.FromMinutes(5), async _ =>
        {
            if (await rig.TurnAsync("my requests", Person(random.Next(1, people)), "a:large-mine") != 200) throw new InvalidOperationException("my requests failed");
        }, samples);
        var pending = await Latencies.RunAsync("\"pending approvals\" turn (CIO)", 1, TimeSpan.FromMinutes(5), async _ =>
        {
            if (await rig.TurnAsync("pending", StorageRig.Cio, "a:large-pending") != 200) throw new InvalidOperationException("pending failed");
        }, samples);
        Console.WriteLine(mine);
        Console.WriteLine(pending);
        var scans = rig.Calls.Tables.Calls.Where(c => c.IsScan).ToList();
        Console.WriteLine($"table scans during the measured turns: {scans.Count}{(scans.Count > 0 ? " (" + string.Join(", ", scans.Select(s => s.Resource).Distinct()) + ")" : "")}; load average {Latencies.Load()}");
    }

    /// <summary>Ten years of references, AIP-YYYY-NNNN (at most 9,999 a year).</summary>
    private static string Reference(int i, int requests)
    {
        var perYear = (requests + 9) / 10;
        return $"AIP-{2016 + i / perYear}-{i % perYear + 1:D4}";
    }

    private static string Person(int i) => $"00000000-0000-4000-9000-{i:D12}";
}
