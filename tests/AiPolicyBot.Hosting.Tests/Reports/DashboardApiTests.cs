using System.Net;
using System.Text.Json.Nodes;
using AiPolicyBot.Hosting.Tests.Register;

namespace AiPolicyBot.Hosting.Tests.Reports;

/// <summary>
/// The dashboard's data through the real host against Azurite: each panel's figures and charts agree with what is
/// stored (requests, asks, triage records), the academy filter narrows requests, and only Reports.Read may see it.
/// </summary>
public class DashboardApiTests(ReportHostFixture f) : IClassFixture<ReportHostFixture>
{
    private HttpClient As(params string[] roles) => f.Inner.ClientAs(RegisterHostFixture.Staff, roles);

    private async Task<JsonNode> DashboardAsync(string query) =>
        JsonNode.Parse(await As("Reports.Read").GetStringAsync("/api/tab/dashboard?" + query))!;

    private static JsonNode Panel(JsonNode dashboard, string id) => dashboard["panels"]!.AsArray().Single(p => (string)p!["id"]! == id)!;

    private static double? Figure(JsonNode panel, string label) =>
        (double?)panel["figures"]!.AsArray().Single(x => (string)x!["label"]! == label)!["value"];

    [Fact]
    public async Task Requests_panel_counts_by_route_and_state_with_the_median_and_overdue_approvals()
    {
        var march = Panel(await DashboardAsync("from=2031-03-01&to=2031-03-31"), "requests");
        Assert.Equal(3, Figure(march, "Requests"));
        Assert.Equal(2, Figure(march, "Decided by a person"));
        Assert.Equal(2.0, Figure(march, "Median days to decide")); // 3.1 and 1.0 days
        Assert.Equal(0, Figure(march, "Overdue approvals"));
        var chart = march["charts"]![0]!;
        Assert.Equal("stackedBar", (string)chart["kind"]!);
        var labels = chart["labels"]!.AsArray().Select(l => (string)l!).ToList();
        var approved = chart["series"]!.AsArray().Single(s => (string)s!["name"]! == "Approved")!["values"]!.AsArray().Select(v => (double)v!).ToList();
        Assert.Equal(1, approved[labels.IndexOf("Trust approval")]);
        Assert.Equal(3, chart["series"]!.AsArray().Sum(s => s!["values"]!.AsArray().Sum(v => (double)v!)));

        var waiting = Panel(await DashboardAsync("from=2026-03-01&to=2026-12-31"), "requests");
        Assert.Equal(1, Figure(waiting, "Overdue approvals"));
        Assert.Null(Figure(waiting, "Median days to decide"));
        var hillcrest = Panel(await DashboardAsync("from=2031-03-01&to=2031-03-31&academy=hillcrest"), "requests");
        Assert.Equal(1, Figure(hillcrest, "Requests"));
    }

    [Fact]
    public async Task Tools_panel_sets_asks_and_requests_against_the_register_and_counts_the_never_assessed()
    {
        var tools = Panel(await DashboardAsync("from=2026-03-01&to=2026-12-31"), "tools");
        var chart = tools["charts"]![0]!;
        var labels = chart["labels"]!.AsArray().Select(l => (string)l!).ToList();
        var asks = chart["series"]![0]!["values"]!.AsArray().Select(v => (double)v!).ToList();
        var requests = chart["series"]![1]!["values"]!.AsArray().Select(v => (double)v!).ToList();
        var details = chart["details"]!.AsArray().Select(d => (string)d!).ToList();
        // Asked in chat three times and requested once: one row, first, not in the register.
        Assert.StartsWith("perplexity", labels[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal((3, 1, "not in the register"), (asks[0], requests[0], details[0]));
        var chat = labels.FindIndex(l => l.StartsWith("ChatGPT", StringComparison.Ordinal));
        Assert.Equal((2, 0, "approved, no personal data"), (asks[chat], requests[chat], details[chat]));
        Assert.Equal(1, Figure(tools, "Never assessed (shadow AI)"));
        var shadow = tools["charts"]![1]!;
        Assert.Equal("never-assessed-tools", (string)shadow["id"]!);
        Assert.Equal(["not in the register"], shadow["details"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public async Task Triage_panel_counts_mail_by_category_and_the_correction_rate()
    {
        var triage = Panel(await DashboardAsync("from=2026-03-01&to=2026-12-31"), "triage");
        Assert.Equal(4, Figure(triage, "Mails triaged"));
        Assert.Equal(2, Figure(triage, "Reviewed by a person"));
        Assert.Equal(50, Figure(triage, "Correction rate"));
        var march = Panel(await DashboardAsync("from=2026-03-01&to=2026-03-31&academy=oakfield"), "triage");
        Assert.Equal(3, Figure(march, "Mails triaged"));
        Assert.NotNull((string?)march["note"]);
    }

    [Fact]
    public async Task The_dashboard_needs_reports_read_and_names_bad_filters()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Inner.Host.CreateClient().GetAsync("/api/tab/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("Register.Admin").GetAsync("/api/tab/dashboard")).StatusCode);
        var bad = await As("Reports.Read").GetAsync("/api/tab/dashboard?academy=atlantis&from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).Order();
        Assert.Equal(["academy", "from"], fields);
        var all = await DashboardAsync("");
        Assert.Equal(["incidents", "register", "requests", "training", "triage"], all["reports"]!.AsArray().Select(r => (string)r!));
    }
}
