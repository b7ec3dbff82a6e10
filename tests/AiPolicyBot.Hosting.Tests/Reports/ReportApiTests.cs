using System.Net;
using System.Text.Json.Nodes;
using AiPolicyBot.Hosting.Tests.Register;
using AiPolicyBot.Register;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.Reports;

/// <summary>
/// The reports through the real host against Azurite: each CSV parses back with CsvHelper (byte order mark, RFC 4180
/// quoting, formulas neutralised) and holds exactly the stored rows of the period; JSON has the same rows; the caller
/// needs Reports.Read or the admin key; bad parameters are 400 naming them.
/// </summary>
public class ReportApiTests(ReportHostFixture f) : IClassFixture<ReportHostFixture>
{
    private HttpClient As(params string[] roles) => f.Inner.ClientAs(RegisterHostFixture.Staff, roles);

    private HttpClient Reader => As("Reports.Read");

    /// <summary>Downloads a CSV, checks its framing, and parses it back: header and rows as text.</summary>
    private async Task<(string[] Header, List<string[]> Rows)> CsvAsync(string path)
    {
        var response = await Reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { MalformedData = CsvMalformedDataHandling.Throw });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var rows = new List<string[]>();
        while (csv.Read())
        {
            Assert.Equal(header.Length, csv.FieldCount);
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }
        return (header, rows);
    }

    private static Dictionary<string, string> Row(string[] header, string[] row) => header.Zip(row).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public async Task Requests_csv_holds_exactly_the_periods_requests_with_their_decisions_and_nothing_typed_beyond_the_tool()
    {
        var (header, rows) = await CsvAsync("/api/reports/requests?format=csv&from=2031-03-01&to=2031-03-31");
        Assert.Equal(["reference", "submitted", "tool", "academy", "routeTier", "state", "decidedOn", "daysToDecide", "decisions"], header);
        var byRef = rows.Select(r => Row(header, r)).ToDictionary(r => r["reference"]);
        Assert.Equal(["AIP-2031-0001", "AIP-2031-0002", "AIP-2031-0003"], byRef.Keys.Order(StringComparer.Ordinal));

        var approved = byRef["AIP-2031-0001"];
        Assert.Equal("2031-03-02T10:00:00Z", approved["submitted"]);
        Assert.Equal("ChatGPT", approved["tool"]);
        Assert.Equal("oakfield", approved["academy"]);
        Assert.Equal("trustApproval", approved["routeTier"]);
        Assert.Equal("approved", approved["state"]);
        Assert.Equal("2031-03-05", approved["decidedOn"]);
        Assert.Equal("3.1", approved["daysToDecide"]);
        Assert.Equal("CIO: approved by Ada Lovelace; CDO: approved with conditions by Grace Hopper; DPO: approved by Alan Turing", approved["decisions"]);

        var rejected = byRef["AIP-2031-0002"];
        Assert.Equal(("academyApproval", "rejected", "2031-03-11", "1"), (rejected["routeTier"], rejected["state"], rejected["decidedOn"], rejected["daysToDecide"]));
        var (januaryHeader, january) = await CsvAsync("/api/reports/requests?format=csv&from=2031-01-01&to=2031-01-31");
        var closed = Row(januaryHeader, Assert.Single(january));
        Assert.Equal(("AIP-2030-0007", "prohibited", "closed", "", ""), (closed["reference"], closed["routeTier"], closed["state"], closed["decidedOn"], closed["daysToDecide"]));

        // A tool name that a spreadsheet would run as a formula is written as text (leading apostrophe).
        Assert.Equal("'" + ReportHostFixture.Formula, byRef["AIP-2031-0003"]["tool"]);
        var all = string.Join("|", rows.SelectMany(r => r));
        Assert.DoesNotContain("purpose line", all);
        Assert.DoesNotContain("comment", all);
        Assert.DoesNotContain("Requester Name", all);
    }

    [Fact]
    public async Task Without_dates_every_request_is_reported_and_quotes_commas_and_line_breaks_survive_the_round_trip()
    {
        var (header, rows) = await CsvAsync("/api/reports/requests?format=csv");
        Assert.Equal(7, rows.Count);
        var quoted = rows.Select(r => Row(header, r)).Single(r => r["reference"] == "AIP-2031-0004");
        Assert.Equal(ReportHostFixture.Quoted, quoted["tool"]);
    }

    [Fact]
    public async Task Requests_json_is_one_array_with_the_same_rows_and_typed_values()
    {
        var json = JsonNode.Parse(await Reader.GetStringAsync("/api/reports/requests?from=2031-03-01&to=2031-03-31&format=json"))!.AsArray();
        Assert.Equal(3, json.Count);
        var approved = json.Single(r => (string)r!["reference"]! == "AIP-2031-0001")!;
        Assert.Equal(3.1, (double)approved["daysToDecide"]!);
        Assert.Equal("2031-03-05", (string)approved["decidedOn"]!);
        Assert.Equal(3, approved["decisions"]!.AsArray().Count);
        Assert.Equal("CDO: approved with conditions by Grace Hopper", (string)approved["decisions"]![1]!);
        var pending = json.Single(r => (string)r!["reference"]! == "AIP-2031-0003")!;
        Assert.Null(pending["decidedOn"]);
        // JSON carries text as it is; only the CSV guards against spreadsheet formulas.
        Assert.Equal(ReportHostFixture.Formula, (string)pending["tool"]!);
    }

    [Fact]
    public async Task Register_csv_has_one_row_per_stored_entry_with_scope_and_days_until_review()
    {
        var stored = await f.Inner.Host.Services.GetRequiredService<IRegisterStore>().ListAsync(CancellationToken.None);
        Assert.NotEmpty(stored);
        var (header, rows) = await CsvAsync("/api/reports/register?format=csv&from=2020-01-01");
        Assert.Equal(["id", "name", "vendor", "status", "users", "minYearGroup", "dataAllowed", "academies", "useCategories", "reviewBy", "daysUntilReview"], header);
        Assert.Equal(stored.Select(e => e.Value.Id).Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var row in rows.Select(r => Row(header, r)))
        {
            var entry = stored.Single(e => e.Value.Id == row["id"]).Value;
            Assert.Equal(entry.Name, row["name"]);
            Assert.Equal(Common.WireEnum<RegisterStatus>.Name(entry.Status), row["status"]);
            Assert.Equal(entry.Scope.Academies is null ? "all" : string.Join("; ", entry.Scope.Academies), row["academies"]);
            Assert.Equal(entry.ReviewBy?.ToString("yyyy-MM-dd") ?? "", row["reviewBy"]);
            // Within a day of now: the test may straddle midnight.
            if (entry.ReviewBy is { } review)
                Assert.InRange(int.Parse(row["daysUntilReview"]), review.DayNumber - today.DayNumber - 1, review.DayNumber - today.DayNumber);
        }
    }

    [Fact]
    public async Task Triage_csv_reports_category_confidence_review_and_action_but_never_the_mail()
    {
        var (header, rows) = await CsvAsync("/api/reports/triage?format=csv&from=2026-03-01&to=2026-03-31");
        Assert.Equal(["received", "category", "confidence", "review", "reviewedBy", "correctedTo", "action"], header);
        var byReceived = rows.Select(r => Row(header, r)).ToDictionary(r => r["received"]);
        Assert.Equal(["2026-03-05T08:00:00Z", "2026-03-06T08:00:00Z", "2026-03-07T08:00:00Z"], byReceived.Keys.Order(StringComparer.Ordinal));
        var corrected = byReceived["2026-03-05T08:00:00Z"];
        Assert.Equal(("question", "0.61", "corrected", "oid-ia-officer", "toolRequest", "draftRequest"),
            (corrected["category"], corrected["confidence"], corrected["review"], corrected["reviewedBy"], corrected["correctedTo"], corrected["action"]));
        var breach = byReceived["2026-03-06T08:00:00Z"];
        Assert.Equal(("breach", "pending", "", "dpoAlerted"), (breach["category"], breach["review"], breach["reviewedBy"], breach["action"]));
        var confirmed = byReceived["2026-03-07T08:00:00Z"];
        Assert.Equal(("confirmed", "", "filed"), (confirmed["review"], confirmed["correctedTo"], confirmed["action"]));
        var all = string.Join("|", rows.SelectMany(r => r));
        Assert.DoesNotContain("subject", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sender", all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reports_need_the_reports_role_or_the_admin_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Inner.Host.CreateClient().GetAsync("/api/reports/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As().GetAsync("/api/reports/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("Register.Admin").GetAsync("/api/reports/register?format=csv")).StatusCode);
        var wrongKey = f.Inner.Host.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("x-functions-key", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/reports/triage")).StatusCode);
        var key = f.Inner.Host.CreateClient();
        key.DefaultRequestHeaders.Add("x-functions-key", RegisterHostFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("/api/reports/triage?format=csv")).StatusCode);
    }

    [Theory]
    [InlineData("from=2031-3-1", "from")]
    [InlineData("to=31/03/2031", "to")]
    [InlineData("from=2031-04-01&to=2031-03-01", "to")]
    [InlineData("from=2031-01-01&from=2031-02-01", "from")]
    [InlineData("format=xlsx", "format")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var response = await Reader.GetAsync("/api/reports/requests?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_unknown_report_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync("/api/reports/everything")).StatusCode);
    }
}
