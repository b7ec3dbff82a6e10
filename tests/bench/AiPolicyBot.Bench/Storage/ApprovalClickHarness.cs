using AiPolicyBot.Testing.Cost;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AiPolicyBot.Bench.Storage;

/// <summary>
/// "approval-click": the CIO's Approve (Action.Execute through MessagesEndpoint, the whole click as it answers: the
/// workflow, the ETag-guarded commit and everything else the version measured does before it answers, the clicker's
/// fresh card; what a version leaves to the follow-up is not timed here) against Azurite, beside the
/// ceiling of the same storage work measured in the same run by <see cref="DecisionCeiling"/>. Each click approves a
/// request of its own (submitted beforehand, not timed), so every click is a real decision.
/// </summary>
public static class ApprovalClickHarness
{
    public static async Task RunAsync(string connectionString, int seconds, int clickers, int rounds)
    {
        Console.WriteLine($"# approval-click {seconds} s x {rounds} rounds, {clickers} concurrent clickers, load average {Latencies.Load()}");
        await using var rig = new StorageRig(connectionString);
        // Enough requests for 500 clicks a second (a quiet machine clicked through 200 a second before the time was up).
        var perRound = Math.Max(200, seconds * 500);
        // A client of its own, as a minimal program has (the rig's counts the bot's calls, and only those).
        var ceiling = new DecisionCeiling(new TableServiceClient(connectionString), new QueueServiceClient(connectionString), rig.Prefix);
        // The ceiling's three kinds of decision each need a fresh row; a quiet machine made ~750 of them a second.
        var ceilingRows = seconds * 1500 * rounds;
        await ceiling.PrepareAsync(ceilingRows + 1);
        var nextFloor = 0;

        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"## round {round}: submitting {perRound} requests (not timed), load average {Latencies.Load()}");
            var references = new string[perRound];
            await Parallel.ForAsync(0, perRound, new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (i, _) => references[i] = await rig.SubmitAsync($"00000000-0000-4000-8000-{i % 5000:D12}"));

            // Clicks and the ceiling alternate in one-second slices, so both see the same machine and the same Azurite.
            var failures = 0;
            var clickTimes = new List<Latencies.Result>();
            var floorTimes = new List<Latencies.Result>();
            var auditTimes = new List<Latencies.Result>();
            var sameTimes = new List<Latencies.Result>();
            var nextClick = 0;
            rig.Calls.Clear();
            for (var slice = 0; slice < seconds; slice++)
            {
                clickTimes.Add(await Latencies.RunAsync("approve click (Action.Execute)", clickers, TimeSpan.FromSeconds(1), async _ =>
                {
                    var i = Interlocked.Increment(ref nextClick) - 1;
                    var (status, body) = await rig.ClickAsync("approval.approve", references[i], StorageRig.Cio);
                    if (status != 200 || !body.Contains("Your approval was recorded", StringComparison.Ordinal)) Interlocked.Increment(ref failures);
                }, maxCalls: Math.Max(0, perRound - nextClick))); // a slice stops when the prepared requests run out: no empty calls counted
                var calls = rig.Calls.Total;
                floorTimes.Add(await Latencies.RunAsync("ceiling: read + If-Match + batch", clickers, TimeSpan.FromSeconds(1),
                    _ => ceiling.DecideAsync(Interlocked.Increment(ref nextFloor), withAudit: false), maxCalls: Math.Max(0, ceilingRows - nextFloor)));
                auditTimes.Add(await Latencies.RunAsync("ceiling + audit append (head + batch)", clickers, TimeSpan.FromSeconds(1),
                    _ => ceiling.DecideAsync(Interlocked.Increment(ref nextFloor), withAudit: true), maxCalls: Math.Max(0, ceilingRows - nextFloor)));
                sameTimes.Add(await Latencies.RunAsync("the click's own calls, bare", clickers, TimeSpan.FromSeconds(1),
                    _ => ceiling.DecideLikeTheClickAsync(Interlocked.Increment(ref nextFloor)), maxCalls: Math.Max(0, ceilingRows - nextFloor)));
                if (slice == 0) rig.Calls.Clear(); // the first slice warms up; its calls are not in the breakdown
            }

            var clicks = Latencies.Merge(clickTimes);
            var floor = Latencies.Merge(floorTimes);
            var withAudit = Latencies.Merge(auditTimes);
            var same = Latencies.Merge(sameTimes);
            // Where a click's time goes: storage round trips (as the client saw them) against the rest.
            var all = rig.Calls.Tables.Calls.Concat(rig.Calls.Queues.Calls).ToList();
            var counted = Math.Max(1, clicks.Calls - clickTimes[0].Calls);
            foreach (var g in all.GroupBy(c => $"{c.Service} {c.Method} {c.Resource.Replace(rig.Prefix, "", StringComparison.Ordinal)}"))
                Console.WriteLine($"  {g.Key,-44} {(double)g.Count() / counted,5:0.00} per click, mean {g.Average(c => c.Elapsed.TotalMilliseconds),7:0.00} ms");
            Console.WriteLine($"  storage time per click {all.Sum(c => c.Elapsed.TotalMilliseconds) / counted:0.0} ms (summed over its calls)");
            Console.WriteLine(clicks);
            Console.WriteLine(floor);
            Console.WriteLine(withAudit);
            Console.WriteLine(same);
            Console.WriteLine($"click/ceiling {100 * clicks.PerSecond / floor.PerSecond:0.0} %   click/(ceiling + audit) {100 * clicks.PerSecond / withAudit.PerSecond:0.0} %   " +
                $"click/(its own calls, bare) {100 * clicks.PerSecond / same.PerSecond:0.0} %   failed clicks {failures}   load average after {Latencies.Load()}");
            if (clicks.Calls >= perRound) Console.WriteLine("(every prepared request was clicked before the time was up: raise the count)");
        }
    }
}

/// <summary>
/// The least storage work one decision needs, with nothing else: read the request row (its ETag), replace it If-Match
/// that ETag, and one entity-group transaction adding the decision row and its outbox row; optionally also the audit
/// chain's append (read the head, one batch of entry and new head). And, as a yardstick of what the product adds to
/// the calls it makes, those calls bare: read, one batch of the If-Match replace and an event row, one queue message.
/// Rows the size of a real request and decision, in tables and a queue of their own.
/// </summary>
public sealed class DecisionCeiling(TableServiceClient service, QueueServiceClient queues, string prefix)
{
    private readonly TableClient _requests = service.GetTableClient(prefix + "CeilRequests");
    private readonly TableClient _decisions = service.GetTableClient(prefix + "CeilDecisions");
    private readonly QueueClient _events = queues.GetQueueClient(prefix.ToLowerInvariant() + "-ceil-events");
    private static readonly string Json = new('x', 3000);

    public async Task PrepareAsync(int count)
    {
        await _requests.CreateIfNotExistsAsync();
        await _decisions.CreateIfNotExistsAsync();
        await _events.CreateIfNotExistsAsync();
        await Parallel.ForAsync(0, (count + 99) / 100, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (b, ct) =>
        {
            var batch = Enumerable.Range(b * 100, Math.Min(100, count - b * 100))
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(i, "Pending"))).ToList();
            await _requests.SubmitTransactionAsync(batch, ct);
        });
    }

    /// <param name="withAudit">Also append to the request's audit chain: read its head, then one batch of entry + new head.</param>
    public async Task DecideAsync(int i, bool withAudit)
    {
        var current = await _requests.GetEntityAsync<TableEntity>("2026", Key(i));
        await _requests.UpdateEntityAsync(Row(i, "Approved"), current.Value.ETag, TableUpdateMode.Replace);
        var partition = Key(i);
        await _decisions.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(partition, "decision-0001") { ["Role"] = "CIO", ["Json"] = Json[..400] }),
            new(TableTransactionActionType.Add, new TableEntity(partition, "outbox-0001") { ["Kind"] = "decision", ["Json"] = Json[..400] }),
        ]);
        if (!withAudit) return;
        var head = await _decisions.GetEntityIfExistsAsync<TableEntity>(partition, "audit-head");
        await _decisions.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(partition, "audit-000000000001") { ["Kind"] = "approval.approved", ["Hash"] = Json[..64] }),
            head.HasValue
                ? new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, "audit-head") { ["Sequence"] = 1L }, head.Value!.ETag)
                : new(TableTransactionActionType.Add, new TableEntity(partition, "audit-head") { ["Sequence"] = 1L }),
        ]);
    }

    /// <summary>What the click itself now sends, without the bot: read, one batch (If-Match replace + event row), one queue message.</summary>
    public async Task DecideLikeTheClickAsync(int i)
    {
        var current = await _requests.GetEntityAsync<TableEntity>("2026", Key(i));
        await _requests.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateReplace, Row(i, "Approved"), current.Value.ETag),
            new(TableTransactionActionType.Add, new TableEntity("2026", "event|" + Key(i)) { ["Kind"] = "Decided", ["EventState"] = "Pending" }),
        ]);
        await _events.SendMessageAsync($$"""{"reference":"{{Key(i)}}","kind":"decided"}""");
    }

    private static string Key(int i) => $"AIP-2026-{i:D6}";

    private static TableEntity Row(int i, string state) =>
        new("2026", Key(i)) { ["RequesterId"] = "00000000-0000-4000-8000-000000000001", ["State"] = state, ["Json"] = Json };
}
