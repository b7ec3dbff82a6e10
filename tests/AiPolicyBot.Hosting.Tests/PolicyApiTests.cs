using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Requests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>The admin API through the real local host (WebApplicationFactory, Development settings).</summary>
public class PolicyApiTests(LocalHostFactory factory) : IClassFixture<LocalHostFactory>
{
    private const string AdminKey = "local-dev-admin-key"; // appsettings.Development.json

    private HttpClient Admin()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Intake(string changes = "{}") => IntakeSamples.With(changes).ToJsonString();

    [Fact]
    public async Task E1_is_contract_exact()
    {
        var response = await Admin().PostAsync("/api/policy/evaluate", Json(Intake()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        // Reason text is free wording; everything else is exact, including the explicit null.
        var reason = actual["reasons"]![0]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(reason["text"]!.GetValue<string>()));
        reason.Remove("text");
        var expected = JsonNode.Parse("""
            { "tier": "academyApproval", "requiresItInstall": false, "approverRoles": ["AcademyLeader"],
              "conditions": ["HUMAN_REVIEW_OF_OUTPUTS", "IP_NO_PUPIL_WORK", "NO_PERSONAL_OR_SENSITIVE_DATA", "REVIEW_12_MONTHS"],
              "reasons": [ { "rule": "R11-BROWSER", "policySection": "4.3" } ],
              "registerEntryId": null }
            """);
        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
    }

    [Fact]
    public async Task Bare_intake_uses_the_live_demo_register()
    {
        var response = await Admin().PostAsync("/api/policy/evaluate", Json(Intake("""{"toolName":"Copilot","edition":"trustTenant","vendorTrainsOnInputs":"no"}""")));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("alreadyApproved", body.GetProperty("tier").GetString());
        Assert.Equal("m365-copilot-chat", body.GetProperty("registerEntryId").GetString());
        Assert.Equal(["TRAINING_BEFORE_FIRST_USE"], body.GetProperty("conditions").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("2026-11-27", "alreadyApproved", "chatgpt-free")]
    [InlineData("2027-08-01", "academyApproval", null)] // E15b: the entry has lapsed
    public async Task What_if_context_replaces_the_live_values(string today, string tier, string? entryId)
    {
        var body = $$"""
            { "intake": {{Intake("""{"toolName":"ChatGPT"}""")}},
              "context": { "today": "{{today}}", "trainingDone": false,
                "register": [ { "id": "chatgpt-free", "name": "ChatGPT", "status": "approvedNoPersonalData",
                  "scope": { "users": "staff", "minYearGroup": null, "dataAllowed": false, "academies": "all", "useCategories": "all" },
                  "conditions": ["NO_PERSONAL_OR_SENSITIVE_DATA"], "reviewBy": "2027-07-31" } ] } }
            """;
        var response = await Admin().PostAsync("/api/policy/evaluate", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(tier, root.GetProperty("tier").GetString());
        Assert.Equal(entryId, root.GetProperty("registerEntryId").GetString());
    }

    [Theory]
    [InlineData("""{"declReadPolicy":false}""", "declReadPolicy")]
    [InlineData("""{"users":"learners"}""", "youngestYearGroup")]
    [InlineData("""{"dataCategories":[]}""", "dataCategories")]
    [InlineData("""{"accessMode":"website"}""", "accessMode")]
    [InlineData("""{"academyId":"atlantis"}""", "academyId")]
    public async Task Bad_intake_is_400_naming_the_field(string changes, string field)
    {
        var response = await Admin().PostAsync("/api/policy/evaluate", Json(Intake(changes)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.All(errors.EnumerateObject(), e => Assert.All(e.Value.EnumerateArray(), m => Assert.False(string.IsNullOrEmpty(m.GetString()))));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"intake\": 5}")]
    [InlineData("{\"intake\": {}, \"context\": {\"register\": [ {\"id\": 1} ]}}")]
    public async Task Malformed_bodies_are_400_never_500(string body)
    {
        var response = await Admin().PostAsync("/api/policy/evaluate", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEmpty(root.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task What_if_errors_name_intake_and_context_fields_together()
    {
        var body = $$"""
            { "intake": {{Intake("""{"edition":"gold"}""")}},
              "context": { "today": "tomorrow", "register": [ { "id": "x", "name": "X", "status": "maybe" } ] } }
            """;
        var response = await Admin().PostAsync("/api/policy/evaluate", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["edition", "context.today", "context.register[0].status"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Search_is_contract_exact_and_ranks_chatgpt_first_for_chat_gtp()
    {
        var response = await Admin().GetAsync("/api/register/search?q=chat%20gtp&top=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, hits.ValueKind);
        var first = hits[0];
        Assert.Equal(["id", "name", "vendor", "edition", "status", "score"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("chatgpt-free", first.GetProperty("id").GetString());
        Assert.Equal("ChatGPT", first.GetProperty("name").GetString());
        Assert.Equal("OpenAI", first.GetProperty("vendor").GetString());
        Assert.Equal("freeConsumer", first.GetProperty("edition").GetString());
        Assert.Equal("approvedNoPersonalData", first.GetProperty("status").GetString());
        Assert.InRange(first.GetProperty("score").GetDouble(), 0.6, 1.0);
        Assert.True(hits.GetArrayLength() <= 3);
    }

    [Fact]
    public async Task Search_for_an_unknown_tool_is_an_empty_array()
    {
        var response = await Admin().GetAsync("/api/register/search?q=Perplexity");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/register/search", "q")]
    [InlineData("/api/register/search?q=%20", "q")]
    [InlineData("/api/register/search?q=copilot&top=0", "top")]
    [InlineData("/api/register/search?q=copilot&top=51", "top")]
    [InlineData("/api/register/search?q=copilot&top=ten", "top")]
    public async Task Bad_search_is_400_naming_the_parameter(string url, string field)
    {
        var response = await Admin().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Admin_routes_need_the_admin_key(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("x-functions-key", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/policy/evaluate", Json(Intake()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/register/search?q=copilot")).StatusCode);
    }

    [Fact]
    public async Task The_key_may_come_as_the_code_query_parameter_like_Functions()
    {
        var response = await factory.CreateClient().GetAsync($"/api/register/search?q=copilot&code={AdminKey}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
