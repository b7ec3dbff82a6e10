using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Tests.Support;

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
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(field, json["errors"]![0]!["field"]!.GetValue<string>());
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
