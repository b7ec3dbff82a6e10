using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>
/// POST /api/messages through the real local host: every request without a valid token (outside the local
/// development rule) gets 401 with no body and reaches no handler, no store and no connector.
/// </summary>
public sealed class TokenValidationMatrixTests(MessagesAuthFixture f) : IClassFixture<MessagesAuthFixture>
{
    private const string LocalServiceUrl = "http://localhost:22011/_connector";

    public sealed record Case(string Authorization, string Body, string RemoteIp = "127.0.0.1", bool LocalMode = false);

    public static TheoryData<string> Rejections() =>
    [
        "wrong issuer", "issuer with trailing slash", "wrong audience", "expired beyond skew", "not yet valid", "alg none",
        "HS256 signed with the public key", "unknown kid", "known kid but another key", "missing endorsement",
        "wrong endorsement", "serviceUrl mismatch", "missing serviceurl claim", "tampered payload", "token for another bot",
        "missing header", "malformed token", "non-Bearer scheme", "Bearer with extra parts", "channel not served",
        "playground header is not authentication", "no token, local mode off, all loopback",
        "no token, local mode on, non-loopback caller", "no token, local mode on, non-loopback serviceUrl",
        "no token, local mode on, serviceUrl host only looks local", "invalid token in local mode",
    ];

    private Case Build(string name)
    {
        var k = f.TeamsKey;
        var now = DateTime.UtcNow;
        var body = TestTokens.MessageJson();
        string Bearer(string token) => "Bearer " + token;
        return name switch
        {
            "wrong issuer" => new(Bearer(TestTokens.Channel(k, issuer: "https://evil.example.com")), body),
            "issuer with trailing slash" => new(Bearer(TestTokens.Channel(k, issuer: "https://api.botframework.com/")), body),
            "wrong audience" => new(Bearer(TestTokens.Channel(k, audience: "https://api.botframework.com")), body),
            "expired beyond skew" => new(Bearer(TestTokens.Channel(k, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))), body),
            "not yet valid" => new(Bearer(TestTokens.Channel(k, notBefore: now.AddMinutes(10), expires: now.AddHours(1))), body),
            "alg none" => new(Bearer(TestTokens.Unsigned(k.KeyId)), body),
            "HS256 signed with the public key" => new(Bearer(TestTokens.Hs256WithPublicKey(k)), body),
            "unknown kid" => new(Bearer(TestTokens.Channel(FakeOpenIdServer.NewKey("never-published"))), body),
            "known kid but another key" => new(Bearer(TestTokens.Channel(FakeOpenIdServer.NewKey(k.KeyId))), body),
            "missing endorsement" => new(Bearer(TestTokens.Channel(f.UnendorsedKey)), body),
            "wrong endorsement" => new(Bearer(TestTokens.Channel(f.WebchatOnlyKey)), body),
            "serviceUrl mismatch" => new(Bearer(TestTokens.Channel(k)), TestTokens.MessageJson(serviceUrl: "https://smba.trafficmanager.net/emea/")),
            "missing serviceurl claim" => new(Bearer(TestTokens.Channel(k, serviceUrl: null)), body),
            "tampered payload" => new(Bearer(TestTokens.Tampered(TestTokens.Channel(k), "serviceurl", "https://evil.example.com/")),
                TestTokens.MessageJson(serviceUrl: "https://evil.example.com/")),
            "token for another bot" => new(Bearer(TestTokens.Channel(k, audience: TestTokens.OtherAppId)), body),
            "missing header" => new("", body),
            "malformed token" => new("Bearer not-a-jwt", body),
            "non-Bearer scheme" => new("Basic " + TestTokens.Channel(k), body),
            "Bearer with extra parts" => new("Bearer " + TestTokens.Channel(k) + " extra", body),
            "channel not served" => new(Bearer(TestTokens.Channel(f.WebchatOnlyKey)), TestTokens.MessageJson(channelId: "webchat")),
            "playground header is not authentication" => new("", TestTokens.MessageJson(serviceUrl: LocalServiceUrl)),
            "no token, local mode off, all loopback" => new("", TestTokens.MessageJson(serviceUrl: LocalServiceUrl)),
            "no token, local mode on, non-loopback caller" => new("", TestTokens.MessageJson(serviceUrl: LocalServiceUrl), "203.0.113.7", LocalMode: true),
            "no token, local mode on, non-loopback serviceUrl" => new("", body, LocalMode: true),
            "no token, local mode on, serviceUrl host only looks local" =>
                new("", TestTokens.MessageJson(serviceUrl: "http://localhost.evil.example/_connector"), LocalMode: true),
            "invalid token in local mode" => new(Bearer(TestTokens.Channel(k, audience: TestTokens.OtherAppId, serviceUrl: LocalServiceUrl)),
                TestTokens.MessageJson(serviceUrl: LocalServiceUrl), LocalMode: true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name),
        };
    }

    private async Task<HttpResponseMessage> PostAsync(BotHostFactory host, Case c)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(c.Body, Encoding.UTF8, "application/json"),
        };
        if (c.Authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", c.Authorization);
        }

        request.Headers.Add("x-ms-agents-playground", "true");
        request.Headers.Add(RemoteIpFilter.Header, c.RemoteIp);
        return await host.CreateClient().SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Invalid_requests_get_401_and_touch_nothing(string name)
    {
        var c = Build(name);
        var host = c.LocalMode ? f.LocalMode : f.Strict;
        var handlerCalls = host.Handler.Calls;
        host.Store.Invocations.Clear();
        host.Connector.Invocations.Clear();

        using var response = await PostAsync(host, c);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // A bare problem: the status and a title, nothing about why the token was refused.
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(401, (int)problem["status"]!);
        Assert.False(problem.ContainsKey("detail"));
        Assert.False(problem.ContainsKey("errors"));
        Assert.Equal(handlerCalls, host.Handler.Calls);
        Assert.Empty(host.Store.Invocations);
        Assert.Empty(host.Connector.Invocations);
    }

    public static TheoryData<string> Acceptances() =>
    [
        "valid channel token", "expired but within the 5 minute skew", "serviceUrl differs only in case", "RS512",
        "local mode: Development, loopback caller, loopback serviceUrl",
    ];

    [Theory]
    [MemberData(nameof(Acceptances))]
    public async Task Valid_requests_reach_the_handler(string name)
    {
        var k = f.TeamsKey;
        var now = DateTime.UtcNow;
        var body = TestTokens.MessageJson();
        var c = name switch
        {
            "valid channel token" => new Case("Bearer " + TestTokens.Channel(k), body),
            "expired but within the 5 minute skew" => new Case("Bearer " + TestTokens.Channel(k, notBefore: now.AddHours(-1), expires: now.AddMinutes(-2)), body),
            "serviceUrl differs only in case" => new Case("Bearer " + TestTokens.Channel(k, serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant()), body),
            "RS512" => new Case("Bearer " + TestTokens.Channel(k, algorithm: SecurityAlgorithms.RsaSha512), body),
            "local mode: Development, loopback caller, loopback serviceUrl" =>
                new Case("", TestTokens.MessageJson(serviceUrl: "http://localhost:22011/_connector"), LocalMode: true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name),
        };
        var host = c.LocalMode ? f.LocalMode : f.Strict;
        var before = host.Handler.Calls;

        using var response = await PostAsync(host, c);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, host.Handler.Calls);
    }
}
