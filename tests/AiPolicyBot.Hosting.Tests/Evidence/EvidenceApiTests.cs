using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Hosting.Tests.Register;
using AiPolicyBot.Incidents;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AiPolicyBot.Hosting.Tests.Reports.ReportSamples;

namespace AiPolicyBot.Hosting.Tests.Evidence;

/// <summary>
/// The evidence routes through the real host on Azurite: the training report (current, expired by age and by a policy
/// change, access but not trained), the DPO working a case on the tab's routes until the incidents report shows it
/// closed, and the audit verification's exact shape; each behind its role.
/// </summary>
public class EvidenceApiTests(RegisterHostFixture f) : IClassFixture<RegisterHostFixture>
{
    private const string Dpo = "00000000-0000-0000-0000-0000000000023";
    private const string Trained = "00000000-0000-0000-0000-00000000t001";
    private const string Lapsed = "00000000-0000-0000-0000-00000000t002";
    private const string OldPolicy = "00000000-0000-0000-0000-00000000t003";
    private const string Untrained = "00000000-0000-0000-0000-00000000t004";

    private HttpClient As(string oid, params string[] roles) => f.ClientAs(oid, roles);

    private static Dictionary<string, string> Row(string[] header, string[] row) => header.Zip(row).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public async Task Training_report_shows_each_person_and_tool_as_current_expired_or_missing()
    {
        var services = f.Host.Services;
        var version = services.GetRequiredService<IOptions<PolicyOptions>>().Value.PolicyVersion;
        var now = DateTimeOffset.UtcNow;
        var store = services.GetRequiredService<ITrainingStore>();
        await store.RecordAsync(new TrainingRecord(Trained, "teachermatic", now.AddMonths(-1), version), default);
        await store.RecordAsync(new TrainingRecord(Lapsed, "teachermatic", now.AddMonths(-13), version), default);
        await store.RecordAsync(new TrainingRecord(OldPolicy, "m365-copilot-chat", now.AddDays(-10), "an-earlier-version"), default);
        var requests = services.GetRequiredService<IRequestStore>();
        // Approved for TeacherMatic: one person attested, one never did (access but not trained).
        await requests.CreateAsync(Request("AIP-2026-0801", now.AddDays(-20), RequestState.Approved, "TeacherMatic") with
        {
            RequesterId = Untrained,
            Outcome = new RoutingOutcome(Tier.TrustApproval, false, [], [], [], "teachermatic"),
        }, default);
        await requests.CreateAsync(Request("AIP-2026-0802", now.AddDays(-20), RequestState.Approved, "TeacherMatic") with
        {
            RequesterId = Trained,
            Outcome = new RoutingOutcome(Tier.TrustApproval, false, [], [], [], "teachermatic"),
        }, default);

        var response = await As(RegisterHostFixture.Staff, "Reports.Read").GetAsync("/api/reports/training?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { MalformedData = CsvMalformedDataHandling.Throw });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        Assert.Equal(["userId", "entryId", "tool", "attestedOn", "policyVersion", "expiresOn", "state"], header);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(Row(header, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
        var mine = rows.Where(r => r["userId"].Contains("-00000000t", StringComparison.Ordinal)).ToDictionary(r => r["userId"]);

        Assert.Equal(4, mine.Count); // the attested person with a request appears once
        Assert.Equal("current", mine[Trained]["state"]);
        Assert.Equal(DateOnly.FromDateTime(now.AddMonths(-1).AddMonths(12).UtcDateTime).ToString("yyyy-MM-dd"), mine[Trained]["expiresOn"]);
        Assert.Equal("expired", mine[Lapsed]["state"]);
        Assert.Equal("expired", mine[OldPolicy]["state"]);
        Assert.Equal("", mine[OldPolicy]["expiresOn"]); // ended by the policy change, not a date
        Assert.Equal("an-earlier-version", mine[OldPolicy]["policyVersion"]);
        Assert.Equal("missing", mine[Untrained]["state"]);
        Assert.Equal("TeacherMatic", mine[Untrained]["tool"]);
        Assert.Equal("", mine[Untrained]["attestedOn"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await As(RegisterHostFixture.Staff).GetAsync("/api/reports/training")).StatusCode);
    }

    [Fact]
    public async Task The_DPO_decides_and_closes_a_case_on_the_tab_and_the_incidents_report_shows_it()
    {
        var intake = f.Host.Services.GetRequiredService<IIncidentIntake>();
        var opened = await intake.OpenAsync(new IncidentOpening("test:tab-case", IncidentSource.BreachMail, IncidentSeverity.High,
            DateTimeOffset.UtcNow.AddHours(-3), [new("Triage", "Breach report")], "mailbox", "oakfield"), default);
        var dpo = As(Dpo);
        var staff = As(RegisterHostFixture.Staff, "Reports.Read");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/tab/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/tab/incidents/{opened.Id}")).StatusCode);
        var list = await dpo.GetFromJsonAsync<JsonArray>("/api/tab/incidents");
        Assert.Contains(list!, c => (string?)c!["id"] == opened.Id);

        var noReason = await dpo.PostAsJsonAsync($"/api/tab/incidents/{opened.Id}/decision", new { reportableToIco = false });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync());
        var early = await dpo.PostAsJsonAsync($"/api/tab/incidents/{opened.Id}/close", new { note = "too soon" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode); // the decision comes first
        var manager = As(RegisterHostFixture.Admin, IncidentTabRole);
        var byManager = await manager.PostAsJsonAsync($"/api/tab/incidents/{opened.Id}/decision", new { reportableToIco = true, reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode); // sees cases, but only the DPO decides
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/tab/incidents/{opened.Id}/actions", new { text = "Asked the sender for details" })).StatusCode);

        var decided = await dpo.PostAsJsonAsync($"/api/tab/incidents/{opened.Id}/decision", new { reportableToIco = false, reason = "Names only; the recipient deleted it" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var closed = await (await dpo.PostAsJsonAsync($"/api/tab/incidents/{opened.Id}/close", new { note = "Done" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("closed", (string?)closed!["state"]);
        Assert.Single(closed["actions"]!.AsArray());

        var report = await staff.GetFromJsonAsync<JsonArray>("/api/reports/incidents?format=json");
        var row = report!.Single(r => (string?)r!["case"] == opened.Id)!;
        Assert.Equal("breachMail", (string?)row["source"]);
        Assert.Equal("high", (string?)row["severity"]);
        Assert.Equal("closed", (string?)row["state"]);
        Assert.Equal("decided", (string?)row["dpoDecision"]);
        Assert.False((bool)row["reportableToIco"]!);
        Assert.InRange((double)row["hoursToDecision"]!, 2.9, 4);
        Assert.DoesNotContain("recipient deleted", report!.ToJsonString()); // the reason stays on the case
    }

    private const string IncidentTabRole = "Incidents.Manage";

    [Fact]
    public async Task Audit_verify_answers_the_contract_shape_for_Reports_Read_and_the_admin_key_only()
    {
        var reader = As(RegisterHostFixture.Staff, "Reports.Read");
        var body = await reader.GetFromJsonAsync<JsonObject>("/api/audit/verify");
        Assert.Equal(["firstBreak", "head", "ok", "partitions", "rows"], body!.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True((bool)body!["ok"]!);
        Assert.Null(body["firstBreak"]);
        Assert.Matches("^[0-9a-f]{64}$", (string?)body["head"]);

        var automation = f.Host.CreateClient();
        automation.DefaultRequestHeaders.Add("x-functions-key", RegisterHostFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As(RegisterHostFixture.Staff).GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Host.CreateClient().GetAsync("/api/audit/verify")).StatusCode);
    }
}
