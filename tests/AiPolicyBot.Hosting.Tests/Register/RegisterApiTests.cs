using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Audit;
using AiPolicyBot.Register;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.Register;

/// <summary>
/// The register administration API against Azurite through the real host: If-Match (428, 412 with the other change,
/// nothing overwritten), 400 naming every bad field, import all or nothing with a dry run, CSV round trip, and the
/// per-entry history in the audit chain.
/// </summary>
public class RegisterApiTests(RegisterHostFixture f) : IClassFixture<RegisterHostFixture>
{
    private HttpClient As(string oid, params string[] roles) => f.ClientAs(oid, roles);

    private HttpClient Admin => As(RegisterHostFixture.Admin, "Register.Admin");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonObject> EntryAsync(HttpClient client, string id)
    {
        var all = JsonNode.Parse(await client.GetStringAsync("/api/register"))!.AsArray();
        return all.Single(e => (string)e!["id"]! == id)!.AsObject();
    }

    private static HttpRequestMessage Put(string id, JsonObject body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/register/{id}") { Content = Json(body.ToJsonString()) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task Export_has_every_entry_with_its_version_in_the_contract_shape()
    {
        var all = JsonNode.Parse(await Admin.GetStringAsync("/api/register"))!.AsArray();
        Assert.True(all.Count >= DemoRegister.Entries.Count);
        var chat = all.Single(e => (string)e!["id"]! == "chatgpt-free")!.AsObject();
        Assert.Equal(["id", "name", "vendor", "edition", "accessMode", "aliases", "status", "scope", "conditions", "trainingUrl",
            "decisionReason", "decidedBy", "decidedOn", "reviewBy", "policySections", "version"], chat.Select(p => p.Key));
        Assert.Equal(["users", "minYearGroup", "dataAllowed", "academies", "useCategories"], chat["scope"]!.AsObject().Select(p => p.Key));
        Assert.StartsWith("W/", (string)chat["version"]!);
    }

    [Fact]
    public async Task Replacing_needs_if_match_and_a_stale_version_gets_412_with_the_other_change_and_nothing_overwritten()
    {
        var id = "conflict-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Admin.SendAsync(Put(id, new JsonObject { ["name"] = "Race Tool", ["status"] = "underReview" }, null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var version = created.Headers.ETag!.ToString();

        var noVersion = await Admin.SendAsync(Put(id, new JsonObject { ["name"] = "Race Tool", ["status"] = "approved" }, null));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        Assert.Equal("application/problem+json", noVersion.Content.Headers.ContentType!.MediaType);

        // Two administrators read the same version; the second one saves first.
        var second = As(RegisterHostFixture.SecondAdmin, "Register.Admin");
        var theirs = await second.SendAsync(Put(id, new JsonObject { ["name"] = "Race Tool", ["status"] = "declined", ["decisionReason"] = "their reason" }, version));
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        var mine = await Admin.SendAsync(Put(id, new JsonObject { ["name"] = "Race Tool", ["status"] = "approved" }, version));
        Assert.Equal(HttpStatusCode.PreconditionFailed, mine.StatusCode);
        var problem = JsonNode.Parse(await mine.Content.ReadAsStringAsync())!;
        Assert.Equal("declined", (string)problem["current"]!["status"]!);
        Assert.Equal(RegisterHostFixture.SecondAdmin, (string)problem["lastChange"]!["by"]!);
        Assert.Contains("status", problem["lastChange"]!["changed"]!.AsArray().Select(c => (string)c!));

        var stored = await EntryAsync(Admin, id);
        Assert.Equal("declined", (string)stored["status"]!);
        Assert.Equal("their reason", (string)stored["decisionReason"]!);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_every_bad_field()
    {
        var response = await Admin.SendAsync(Put("bad-fields", JsonNode.Parse("""
            { "name": "", "status": "maybe", "scope": { "users": "everyone", "minYearGroup": "Y99" },
              "trainingUrl": "http://insecure.example", "reviewBy": "31/12/2027", "conditions": ["NOT_A_CODE"], "policySections": ["three"] }
            """)!.AsObject(), null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(
            new[] { "conditions", "name", "policySections", "reviewBy", "scope.minYearGroup", "scope.users", "status", "trainingUrl" },
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));

        var wrongId = await Admin.SendAsync(Put("Not An Id", new JsonObject { ["name"] = "x", ["status"] = "approved" }, null));
        Assert.Equal(HttpStatusCode.BadRequest, wrongId.StatusCode);
        Assert.Contains("\"id\"", await wrongId.Content.ReadAsStringAsync());

        var notJson = new HttpRequestMessage(HttpMethod.Put, "/api/register/x1") { Content = Json("{ nope") };
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.SendAsync(notJson)).StatusCode);
    }

    [Fact]
    public async Task An_import_with_one_bad_row_changes_nothing_and_a_good_one_is_previewed_then_applied_and_audited()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var before = await Admin.GetStringAsync("/api/register?format=csv");
        var audit = f.Host.Services.GetRequiredService<IAuditLog>();
        var auditRowsBefore = (await audit.ReadAsync("register", default)).Count;
        var csv = $"""
            id,name,vendor,status,users,minYearGroup,dataAllowed,useCategories,conditions,trainingUrl,reviewBy,policySections
            imp-a-{suffix},Tool A,Vendor A,approved,staff,,true,lessonPlanning; adminComms,TRAINING_BEFORE_FIRST_USE,https://learn.example.org/a,2027-09-01,4.1
            imp-b-{suffix},Tool B,Vendor B,sometimes,staff,,,,,,,
            chatgpt-free,ChatGPT,OpenAI,declined,,,,,,,,3.4
            """;
        var rejected = await Admin.PostAsync("/api/register/import?name=trust.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!;
        var error = problem["errors"]!.AsArray().Single()!;
        Assert.Equal(3, (int)error["row"]!);
        Assert.Equal("status", (string)error["field"]!);
        Assert.Equal(before, await Admin.GetStringAsync("/api/register?format=csv"));
        Assert.Equal(auditRowsBefore, (await audit.ReadAsync("register", default)).Count);

        var good = csv.Replace(",sometimes,", ",underReview,");
        var preview = JsonNode.Parse(await (await Admin.PostAsync("/api/register/import?dryRun=true&name=trust.csv",
            new StringContent(good, Encoding.UTF8, "text/csv"))).Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)preview["created"]!);
        Assert.Equal(1, (int)preview["updated"]!);
        Assert.Empty(preview["errors"]!.AsArray());
        Assert.Contains("status", preview["changes"]!.AsArray().Single(c => (string)c!["id"]! == "chatgpt-free")!["fields"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(before, await Admin.GetStringAsync("/api/register?format=csv")); // a dry run writes nothing

        var applied = await Admin.PostAsync("/api/register/import?name=trust.csv", new StringContent(good, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var a = await EntryAsync(Admin, $"imp-a-{suffix}");
        Assert.Equal(["lessonPlanning", "adminComms"], a["scope"]!["useCategories"]!.AsArray().Select(x => (string)x!));
        Assert.Equal("https://learn.example.org/a", (string)a["trainingUrl"]!);
        Assert.Equal("declined", (string)(await EntryAsync(Admin, "chatgpt-free"))["status"]!);

        var history = JsonNode.Parse(await Admin.GetStringAsync("/api/register/chatgpt-free/history"))!.AsArray();
        var newest = history[0]!;
        Assert.Equal("import:trust.csv", (string)newest["by"]!);
        Assert.Equal(RegisterHostFixture.Admin, (string)newest["importedBy"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)newest["oldHash"]!);
        Assert.NotEqual((string)newest["oldHash"]!, (string)newest["newHash"]!);
        Assert.True((await audit.VerifyAsync("register", default)).IsIntact);

        // The bot reads the new register at once.
        var cache = f.Host.Services.GetRequiredService<RegisterCache>();
        Assert.Equal(RegisterStatus.Declined, (await cache.GetAsync()).Get("chatgpt-free")!.Status);
    }

    [Fact]
    public async Task The_csv_export_reimports_as_unchanged_and_escapes_formulas()
    {
        var id = "formula-" + Guid.NewGuid().ToString("N")[..8];
        await Admin.SendAsync(Put(id, new JsonObject { ["name"] = "=HYPERLINK(\"x\")", ["status"] = "notAssessed", ["aliases"] = new JsonArray("a, b", "c") }, null));
        var response = await Admin.GetAsync("/api/register?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(bytes));

        var again = await Admin.PostAsync("/api/register/import?dryRun=true", new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        var report = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Equal(0, (int)report["created"]! + (int)report["updated"]!);
    }

    [Fact]
    public async Task A_json_import_reports_rows_by_position()
    {
        var body = """[ { "id": "json-ok", "name": "Ok", "status": "approved" }, { "id": "json-bad", "name": "Bad", "status": "approved", "scope": { "academies": 7 } } ]""";
        var response = await Admin.PostAsync("/api/register/import?dryRun=true", Json(body));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var error = report["errors"]!.AsArray().Single()!;
        Assert.Equal(2, (int)error["row"]!);
        Assert.Equal("scope.academies", (string)error["field"]!);
    }

    [Theory]
    [InlineData("GET", "/api/register")]
    [InlineData("GET", "/api/register/chatgpt-free/history")]
    [InlineData("POST", "/api/register/import")]
    [InlineData("PUT", "/api/register/chatgpt-free")]
    public async Task Administration_needs_the_register_admin_role(string method, string path)
    {
        var anonymous = await f.Host.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var staff = await As(RegisterHostFixture.Staff).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    [Fact]
    public async Task Automation_may_use_the_admin_key_and_a_wrong_key_is_refused()
    {
        var client = f.Host.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", RegisterHostFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/register")).StatusCode);
        var wrong = f.Host.CreateClient();
        wrong.DefaultRequestHeaders.Add("x-functions-key", "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/register")).StatusCode);
    }

    [Fact]
    public async Task The_demo_register_file_is_the_demo_register_exactly()
    {
        // tools/register/demo-register.csv is how a deployment gets the demo register on purpose: on a Development host
        // (seeded with DemoRegister) it changes nothing.
        var csv = await File.ReadAllBytesAsync(Path.Combine(Messages.PlaygroundHarness.RepoRoot(), "tools", "register", "demo-register.csv"));
        var response = await Admin.PostAsync("/api/register/import?dryRun=true",
            new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Equal(DemoRegister.Entries.Count, (int)report["unchanged"]! + (int)report["updated"]!);
        Assert.Equal(0, (int)report["created"]!);
        // Other tests here change ChatGPT; entries nobody touches must match the file exactly.
        var changed = report["changes"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.DoesNotContain("otter-ai", changed);
        Assert.DoesNotContain("m365-copilot-chat", changed);
    }
}
