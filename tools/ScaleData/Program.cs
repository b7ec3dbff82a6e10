using System.Diagnostics;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Tools.ScaleData;
using Azure.Data.Tables;
using Azure.Storage.Queues;

// tools/ScaleData: a large trust's data on Azurite (docs/benchmarks.md). Example, the full scale:
//   dotnet run --project tools/ScaleData -c Release -- --prefix bench1 --today 2026-12-07
// Writes with entity-group transactions (up to 100 rows of one partition) several at a time.
ScaleOptions options;
try
{
    options = ScaleOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine("scale-data: " + e.Message);
    return 2;
}

var storage = new StorageOptions { ConnectionString = options.Connection, TablePrefix = options.Prefix };
var service = new TableServiceClient(options.Connection);
var tables = new TableClients(service, storage);
await tables.EnsureCreatedAsync(CancellationToken.None);
var inbox = new InboxStorage(service, new QueueServiceClient(options.Connection), storage);
await inbox.EnsureCreatedAsync(CancellationToken.None);
var writer = new TableWriter(parallel: 8);
var generate = new TrustGenerator(options);
var clock = Stopwatch.StartNew();

// What the reports and the dashboard read first (requests, triage, asks), then people and the audit chain, which
// cost one transaction per person and per stream.
var requests = await AfterIssuedAsync(generate.Requests().ToList());
await writer.WriteAsync(tables.Requests, requests.Select(TableRequestStore.ToEntity));
await MoveCounterPastAsync(requests);
Console.WriteLine($"requests: {requests.Count} in {clock.Elapsed.TotalSeconds:0.0} s");

var triage = generate.Triage().ToList();
await writer.WriteAsync(inbox.Records, triage.Select(TableTriageRecordStore.ToEntity));
var asks = generate.Asks().ToList();
await writer.WriteAsync(tables.Counters, asks.Select(a => new TableEntity(TableToolDemand.AsksPrefix + a.Month, TableKeys.Safe(a.Key)) { ["ToolId"] = a.Key, ["Count"] = a.Count }));
Console.WriteLine($"triage: {triage.Count} records, asks: {asks.Count} monthly counts in {clock.Elapsed.TotalSeconds:0.0} s");

// People: each person's academy, and their training records (one transaction per person).
var people = generate.People().ToList();
await writer.WriteAsync(tables.StaffAcademies, people.Select(p => new TableEntity(TableKeys.Safe(p.Id), "academy") { ["Academy"] = p.Academy }));
await writer.WriteAsync(tables.Training, people.SelectMany(p => p.Training).Select(TableTrainingStore.ToEntity));
Console.WriteLine($"people: {people.Count} ({people.Sum(p => p.Training.Count)} training records) in {clock.Elapsed.TotalSeconds:0.0} s");

// Audit streams with their heads: --audit-stream-rows rows for each request from the oldest until the rows run out
// (the last stream takes the remainder), chained with the product's own hashing.
var audit = new List<TableEntity>(options.Audit + options.Audit / options.AuditStreamRows + 1);
var streams = 0;
for (var left = options.Audit; left > 0 && streams < requests.Count; streams++)
{
    var rows = streams == requests.Count - 1 ? left : Math.Min(options.AuditStreamRows, left);
    left -= rows;
    var partition = TableKeys.Safe(requests[streams].Reference);
    var stream = generate.AuditStream(requests[streams], rows);
    audit.AddRange(stream.Select(e => TableAuditLog.ToEntity(partition, e)));
    audit.Add(new TableEntity(partition, TableAuditLog.HeadRowKey) { ["Stream"] = requests[streams].Reference, ["Sequence"] = (long)rows, ["Hash"] = stream[^1].Hash });
}
await writer.WriteAsync(tables.Audit, audit);
Console.WriteLine($"audit: {audit.Count - streams} rows in {streams} streams; done in {clock.Elapsed.TotalSeconds:0.0} s (prefix {options.Prefix}, seed {options.Seed}, today {options.Today:yyyy-MM-dd})");
return 0;

// Numbers already handed out in a live table (a journey's requests) are kept: generated requests follow them.
async Task<List<AiPolicyBot.Requests.ToolRequest>> AfterIssuedAsync(List<AiPolicyBot.Requests.ToolRequest> generated)
{
    var issued = new Dictionary<int, long>();
    foreach (var year in generated.Select(r => r.SubmittedAt.Year).Distinct())
    {
        var row = await tables.Counters.GetEntityIfExistsAsync<TableEntity>(TableReferenceCounter.Partition, year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        issued[year] = row.HasValue ? row.Value!.GetInt64("Value") ?? 0 : 0;
    }
    return [.. generated.Select(r => AiPolicyBot.Requests.RequestReference.TryParse(r.Reference, out var year, out var number) && issued.GetValueOrDefault(year) > 0
        ? r with { Reference = AiPolicyBot.Requests.RequestReference.Format(year, number + issued[year]) } : r)];
}

// The reference counter moves past the generated numbers, so a request made afterwards never collides with one.
async Task MoveCounterPastAsync(List<AiPolicyBot.Requests.ToolRequest> written)
{
    var highest = written.Select(r => AiPolicyBot.Requests.RequestReference.TryParse(r.Reference, out var year, out var number) ? (year, number) : (0, 0L))
        .Where(p => p.Item1 > 0).GroupBy(p => p.Item1).Select(g => (Year: g.Key, Last: g.Max(p => p.Item2)));
    foreach (var (year, last) in highest)
        await tables.Counters.UpsertEntityAsync(new TableEntity(TableReferenceCounter.Partition, year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)) { ["Value"] = last }, TableUpdateMode.Replace);
}
