using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Identity;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>HTTP behaviour of /api/messages other than authentication: verbs, limits, bad input, invoke answers.</summary>
public sealed class MessagesEndpointTests(MessagesAuthFixture f) : IClassFixture<MessagesAuthFixture>
{
    private static HttpRequestMessage Post(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return request;
    }

    private string Token => TestTokens.Channel(f.TeamsKey);

    [Fact]
    public async Task Head_is_200_and_other_verbs_are_405()
    {
        var client = f.Strict.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        using var put = await client.PutAsync("/api/messages", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Fact]
    public async Task Body_over_256_KB_is_413_before_anything_else()
    {
        var before = f.Strict.Handler.Calls;
        var huge = TestTokens.MessageJson(text: new string('x', 256 * 1024));
        using var response = await f.Strict.CreateClient().SendAsync(Post(huge, Token));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, f.Strict.Handler.Calls);
    }

    [Fact]
    public async Task Body_over_the_limit_without_content_length_is_413()
    {
        var huge = Encoding.UTF8.GetBytes(TestTokens.MessageJson(text: new string('x', 300 * 1024)));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StreamContent(new NonSeekable(huge)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        using var response = await f.Strict.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("""{"type": 12}""", "type")]
    [InlineData("""{"text": "no type"}""", "type")]
    [InlineData("""{"type": "message", "channelId": "msteams"}""", "serviceUrl")]
    [InlineData("[]", "body")]
    public async Task Malformed_bodies_are_400_naming_the_field(string body, string field)
    {
        using var response = await f.Strict.CreateClient().SendAsync(Post(body, Token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemFieldsAsync(response));
    }

    /// <summary>The activities that gave 500s (or reached a handler they could break) now stop at the edge.</summary>
    public static TheoryData<string, string> MalformedActivities() => new()
    {
        { Without(TestTokens.MessageJson(), "from"), "from" },
        { Edit(TestTokens.MessageJson(), a => a["from"]!.AsObject().Remove("id")), "from.id" },
        { Edit(TestTokens.MessageJson(), a => a["id"] = new string('7', 70_000)), "id" },
        { TestTokens.MessageJson(conversationId: "a:" + new string('x', 40_000)), "conversation.id" },
        { TestTokens.MessageJson(conversationId: "a:1\u0000\r\nx"), "conversation.id" },
        { Without(TestTokens.MessageJson(type: "invoke", name: "composeExtension/query"), "conversation"), "conversation" },
        { Edit(TestTokens.MessageJson(), a => a["channelData"]!["tenant"]!["id"] = "00000000-0000-4000-8000-000000000bad"), "channelData.tenant.id" },
        { Edit(TestTokens.MessageJson(), a => a["serviceUrl"] = "not a url"), "serviceUrl" },
        { Edit(TestTokens.MessageJson(), a => a["from"]!["aadObjectId"] = new string('f', 5000)), "from.aadObjectId" },
        { Edit(TestTokens.MessageJson(), a => a["type"] = "message\n"), "type" },
        { Without(TestTokens.MessageJson(), "channelId"), "channelId" },
    };

    [Theory]
    [MemberData(nameof(MalformedActivities))]
    public async Task Malformed_activities_are_400_problems_naming_the_field_and_reach_no_handler(string body, string field)
    {
        var before = f.Strict.Handler.Calls;
        using var response = await f.Strict.CreateClient().SendAsync(Post(body, Token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(field, await ProblemFieldsAsync(response));
        Assert.Equal(before, f.Strict.Handler.Calls);
    }

    [Fact]
    public async Task Conversation_and_channel_data_tenants_that_agree_are_served()
    {
        var body = Edit(TestTokens.MessageJson(), a => a["channelData"]!["tenant"]!["id"] = TestTokens.TenantId.ToUpperInvariant());
        using var response = await f.Strict.CreateClient().SendAsync(Post(body, Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Start_up_fails_outside_development_without_allowed_tenants(string environment)
    {
        var settings = f.Settings(allowLocal: false);
        settings.Remove("Bot:AllowedTenantIds:0");
        using var host = new BotHostFactory(settings, environment);
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("AllowedTenantIds", error.ToString());
    }

    [Fact]
    public void Start_up_fails_when_an_allowed_tenant_is_not_a_tenant_id()
    {
        var settings = f.Settings(allowLocal: false);
        settings["Bot:AllowedTenantIds:0"] = "contoso.onmicrosoft.com";
        using var host = new BotHostFactory(settings, "Production");
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("GUIDs", error.ToString());
    }

    public static TheoryData<string?, string?, string?, HttpStatusCode> LocalCalls() => new()
    {
        { "application/json", null, null, HttpStatusCode.OK },
        { "application/json; charset=utf-8", "http://localhost:56150", "same-site", HttpStatusCode.OK },
        { "text/plain", null, null, HttpStatusCode.UnsupportedMediaType },
        { "application/x-www-form-urlencoded", "https://evil.example", "cross-site", HttpStatusCode.UnsupportedMediaType },
        { "application/json", null, "cross-site", HttpStatusCode.Forbidden },
        { "application/json", "https://evil.example", null, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(LocalCalls))]
    public async Task Local_mode_accepts_only_json_and_refuses_cross_site_browser_posts(
        string? contentType, string? origin, string? fetchSite, HttpStatusCode expected)
    {
        var before = f.LocalMode.Handler.Calls;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(TestTokens.MessageJson(serviceUrl: "http://localhost:22011/_connector"))),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (fetchSite is not null) request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        using var response = await f.LocalMode.CreateClient().SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before + (expected == HttpStatusCode.OK ? 1 : 0), f.LocalMode.Handler.Calls);
    }

    private static async Task<IReadOnlyCollection<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["errors"]!.AsObject().Select(p => p.Key).ToList();
    }

    private static string Without(string json, string property) => Edit(json, a => a.Remove(property));

    private static string Edit(string json, Action<JsonObject> change)
    {
        var activity = JsonNode.Parse(json)!.AsObject();
        change(activity);
        return activity.ToJsonString();
    }

    [Fact]
    public async Task Unknown_invoke_is_501()
    {
        using var response = await f.Strict.CreateClient().SendAsync(Post(TestTokens.MessageJson(type: "invoke", name: "composeExtension/querySettingUrl"), Token));
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Handled_invoke_returns_its_status_and_json_body()
    {
        using var response = await f.Strict.CreateClient().SendAsync(
            Post(TestTokens.MessageJson(type: "invoke", name: "composeExtension/query", valueJson: """{"commandId":"search"}"""), Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "composeExtension": { "type": "message", "text": "No results for 'xyz'." } }"""),
            JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Malformed_card_action_is_http_400_with_an_error_body()
    {
        using var response = await f.Strict.CreateClient().SendAsync(
            Post(TestTokens.MessageJson(type: "invoke", name: "adaptiveCard/action", valueJson: """{"action":{"type":"Action.Submit"}}"""), Token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Start_up_fails_when_the_local_exception_is_on_outside_development(string environment)
    {
        using var host = new BotHostFactory(f.Settings(allowLocal: true), environment);
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("AllowUnauthenticatedLocal", error.ToString());
    }

    [Fact]
    public async Task Production_without_the_local_exception_starts_and_rejects_unauthenticated_calls()
    {
        using var host = new BotHostFactory(f.Settings(allowLocal: false), "Production");
        using var response = await host.CreateClient().SendAsync(Post(TestTokens.MessageJson(serviceUrl: "http://localhost:22011/_connector"), null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Handler.Calls);
    }

    [Fact]
    public async Task Activities_from_tenants_not_served_are_403_and_reach_no_handler()
    {
        var settings = f.Settings(allowLocal: false);
        settings["Bot:AllowedTenantIds:0"] = "11111111-2222-3333-4444-555555555555";
        using var host = new BotHostFactory(settings);
        using var response = await host.CreateClient().SendAsync(Post(TestTokens.MessageJson(), Token));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Handler.Calls);

        settings["Bot:AllowedTenantIds:1"] = TestTokens.TenantId;
        using var allowed = new BotHostFactory(settings);
        using var ok = await allowed.CreateClient().SendAsync(Post(TestTokens.MessageJson(), Token));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, allowed.Handler.Calls);
    }

    [Fact]
    public async Task Unreachable_key_endpoint_is_503_and_reaches_no_handler()
    {
        var settings = f.Settings(allowLocal: false);
        settings["Bot:OpenIdMetadataUrl"] = "http://127.0.0.1:22019/.well-known/openidconfiguration"; // nothing listens there
        using var host = new BotHostFactory(settings);
        using var response = await host.CreateClient().SendAsync(Post(TestTokens.MessageJson(), Token));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, host.Handler.Calls);
    }

    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
