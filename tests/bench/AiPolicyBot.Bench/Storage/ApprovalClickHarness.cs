using AiPolicyBot.Hosting.Tests.Cost;
using Azure.Data.Tables;

namespace AiPolicyBot.Bench.Storage;

/// <summary>
/// "approval-click": the CIO's Approve (Action.Execute through MessagesEndpoint, the whole click: workflow, ETag
/// update, decision rows and outbox, audit, request event, the clicker's fresh card) against Azurite, beside the
/// ceiling of the same storage work measured in the same run by <see cref="DecisionCeiling"/>. Each click approves a
/// request of its own (submitted beforehand, not timed), so every click is a real decision.
/// </summary>
public static class ApprovalClickHarness
{
    public static async Task RunAsync(string connectionString, int seconds, int clickers, int rounds)
    {
        Console.WriteLine($"# approval-click {seconds} s x {rounds} rounds, {clickers} concurrent clickers, load average {Latencies.Load()}");
        await using var rig = new StorageRig(connectionString);
        var perRound = Math.Max(200, seconds * 400);
        var ceiling = new DecisionCeiling(rig.Services.GetService(typeof(TableServiceClient)) as TableServiceClient
            ?? throw new InvalidOperationException("no table client"), rig.Prefix);
        await ceiling.PrepareAsync(perRound * rounds);

        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"## round {round}: submitting {perRound} requests (not timed), load average {Latencies.Load()}");
            var references = new string[perRound];
            await Parallel.ForAsync(0, perRound, new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (i, _) => references[i] = await rig.SubmitAsync($"00000000-0000-4000-8000-{i % 5000:D12}"));

            var failures = 0;
            var clicks = await Latencies.RunAsync("approve click (Action.Execute)", clickers, TimeSpan.FromSeconds(seconds), async i =>
            {
                var (status, body) = await rig.ClickAsync("approval.approve", references[i], StorageRig.Cio);
                if (status != 200 || !body.Contains("Your approval was recorded", StringComparison.Ordinal)) Interlocked.Increment(ref failures);
            }, perRound);
            var offset = (round - 1) * perRound;
            var floor = await Latencies.RunAsync("ceiling: read + If-Match + batch", clickers, TimeSpan.FromSeconds(seconds),
                i => ceiling.DecideAsync(offset + i), perRound);
            Console.WriteLine(clicks);
            Console.WriteLine(floor);
            Console.WriteLine($"click/ceiling {100 * clicks.PerSecond / floor.PerSecond:0.0} %   failed clicks {failures}   load average after {Latencies.Load()}");
            if (clicks.Calls >= perRound) Console.WriteLine("(every prepared request was clicked before the time was up: raise the count)");
        }
    }
}

/// <summary>
/// The least storage work one decision needs, with nothing else: read the request row (its ETag), replace it If-Match
/// that ETag, and one entity-group transaction adding the decision row and its outbox row. Rows the size of a real
/// request and decision, in tables of their own.
/// </summary>
public sealed class DecisionCeiling(TableServiceClient service, string prefix)
{
    private readonly TableClient _requests = service.GetTableClient(prefix + "CeilRequests");
    private readonly TableClient _decisions = service.GetTableClient(prefix + "CeilDecisions");
    private static readonly string Json = new('x', 3000);

    public async Task PrepareAsync(int count)
    {
        await _requests.CreateIfNotExistsAsync();
        await _decisions.CreateIfNotExistsAsync();
        await Parallel.ForAsync(0, (count + 99) / 100, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (b, ct) =>
        {
            var batch = Enumerable.Range(b * 100, Math.Min(100, count - b * 100))
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(i, "Pending"))).ToList();
            await _requests.SubmitTransactionAsync(batch, ct);
        });
    }

    public async Task DecideAsync(int i)
    {
        var current = await _requests.GetEntityAsync<TableEntity>("2026", Key(i));
        await _requests.UpdateEntityAsync(Row(i, "Approved"), current.Value.ETag, TableUpdateMode.Replace);
        var partition = Key(i);
        await _decisions.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(partition, "decision-0001") { ["Role"] = "CIO", ["Json"] = Json[..400] }),
            new(TableTransactionActionType.Add, new TableEntity(partition, "outbox-0001") { ["Kind"] = "decision", ["Json"] = Json[..400] }),
        ]);
    }

    private static string Key(int i) => $"AIP-2026-{i:D6}";

    private static TableEntity Row(int i, string state) =>
        new("2026", Key(i)) { ["RequesterId"] = "00000000-0000-4000-8000-000000000001", ["State"] = state, ["Json"] = Json };
}
