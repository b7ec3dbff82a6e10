using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Infrastructure.Reports;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Tests.Storage;
using AiPolicyBot.Requests;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Tests.Reports;

/// <summary>
/// The requests report source on Azurite: more rows than one page (1,000) stream in full across continuation tokens,
/// the period is exact at both ends and across year partitions, and the dashboard's narrow facts agree with the whole
/// request, including a row written before the narrow columns existed.
/// </summary>
public sealed class TableRequestReportSourceTests() : TestTables("reportsrc")
{
    private static readonly DateTimeOffset Start = new(2030, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task SeedAsync(int count)
    {
        // 2,500 requests an hour apart from 1 December 2030: they straddle a year and more than two pages.
        var rows = Enumerable.Range(1, count).Select(i =>
        {
            var at = Start.AddHours(i);
            return TableRequestStore.ToEntity(Samples.Request($"AIP-{at.Year}-{i:D5}", submitted: at,
                state: i % 3 == 0 ? RequestState.Approved : RequestState.Pending));
        });
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)))
            await Tables.Requests.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
    }

    [Fact]
    public async Task Every_row_of_the_period_streams_across_pages_and_nothing_outside_it()
    {
        await SeedAsync(2500);
        var source = new TableRequestReportSource(Tables);
        var all = new List<ToolRequest>();
        await foreach (var r in source.ReadAsync(ReportPeriod.All, CancellationToken.None)) all.Add(r);
        Assert.Equal(2500, all.Count);
        Assert.Equal(2500, all.Select(r => r.Reference).Distinct().Count());

        // 1 January 2031 to 31 January 2031, inclusive: hours 745 (2031-01-01T01:00) … 1488 (2031-01-31T24:00 is February).
        var january = new ReportPeriod(new DateOnly(2031, 1, 1), new DateOnly(2031, 1, 31));
        var inJanuary = new List<RequestFacts>();
        await foreach (var f in source.ReadFactsAsync(january, CancellationToken.None)) inJanuary.Add(f);
        var expected = all.Where(r => r.SubmittedAt >= new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero)
                                      && r.SubmittedAt < new DateTimeOffset(2031, 2, 1, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal(31 * 24, expected.Count);
        Assert.Equal(expected.Select(r => r.Reference).Order(), inJanuary.Select(f => f.Reference).Order());
        var facts = inJanuary.ToDictionary(f => f.Reference);
        foreach (var r in expected) Assert.Equal(RequestFacts.From(r), facts[r.Reference]);
    }

    [Fact]
    public async Task A_row_without_the_narrow_columns_still_gives_its_facts()
    {
        var request = Samples.Request("AIP-2031-0001", submitted: Start.AddDays(40), state: RequestState.Rejected) with
        {
            Decisions = [new ApprovalDecision("CIO", "cio-id", "C. Io", DecisionKind.Reject, "no", [], Start.AddDays(42))],
        };
        var entity = TableRequestStore.ToEntity(request);
        foreach (var column in new[] { TableRequestStore.ToolColumn, TableRequestStore.AcademyColumn, TableRequestStore.TierColumn, TableRequestStore.DecidedAtColumn })
            entity.Remove(column);
        await Tables.Requests.AddEntityAsync(entity);

        var facts = new List<RequestFacts>();
        await foreach (var f in new TableRequestReportSource(Tables).ReadFactsAsync(ReportPeriod.All, CancellationToken.None)) facts.Add(f);
        var only = Assert.Single(facts);
        Assert.Equal(RequestFacts.From(request), only);
        Assert.Equal(Start.AddDays(42), only.DecidedAt);
    }

    [Fact]
    public async Task The_event_rows_beside_requests_are_not_read_as_requests()
    {
        // A request change commits its event as a row in the same partition; a report must skip it, not fail on it.
        var store = new TableRequestStore(Tables, new TableReferenceCounter(Tables));
        var request = Samples.Request("AIP-2031-0002", submitted: Start.AddDays(40), state: RequestState.Pending);
        await store.CreateAsync(request, new RequestEvent(request.Reference, RequestEventKind.Submitted, Start.AddDays(40)), CancellationToken.None);

        var read = new List<ToolRequest>();
        await foreach (var r in new TableRequestReportSource(Tables).ReadAsync(ReportPeriod.All, CancellationToken.None)) read.Add(r);
        var facts = new List<RequestFacts>();
        await foreach (var f in new TableRequestReportSource(Tables).ReadFactsAsync(ReportPeriod.All, CancellationToken.None)) facts.Add(f);

        Assert.Equal(request.Reference, Assert.Single(read).Reference);
        Assert.Equal(request.Reference, Assert.Single(facts).Reference);
    }
}
