using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Tests.Support;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>The real connector client (with its resilience pipeline) against a fake connector on loopback.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CountingTokenProvider _tokens = new();

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private IConnectorClient Client(string environment = "Development", bool localMode = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment));
        services.AddSingleton<IConnectorTokenProvider>(_tokens);
        services.AddTeamsProtocol(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = TestTokens.AppId,
            ["Bot:AllowUnauthenticatedLocal"] = localMode ? "true" : "false",
            ["Bot:AllowedTenantIds:0"] = TestTokens.TenantId, // required outside Development
        }).Build());
        return services.BuildServiceProvider().GetRequiredService<IConnectorClient>();
    }

    private static Activity Text(string text) => new() { Type = "message", Text = text };

    private string ServiceUrl => _connector.BaseUrl + "/_connector"; // no trailing slash, like the Playground

    [Fact]
    public async Task Throttled_send_is_retried_after_the_Retry_After_delay()
    {
        _connector.Then(429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" });
        _connector.Then(201, """{"id":"1632474074231"}""");
        var watch = Stopwatch.StartNew();

        var sent = await Client().SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None);

        Assert.Equal("1632474074231", sent.Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].At - requests[0].At}");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("hi", JsonNode.Parse(requests[1].Body)!["text"]!.GetValue<string>());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried_for_an_update(int status)
    {
        _connector.Then(status);
        _connector.Then(status);
        var sent = await Client().UpdateAsync(ServiceUrl, "a:chat", "1485983408511", Text("hi"), CancellationToken.None);
        Assert.Equal("ok", sent.Id);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    public async Task A_send_Teams_did_not_carry_out_is_retried(int status)
    {
        _connector.Then(status);
        var sent = await Client().ReplyAsync(ServiceUrl, "a:chat", "1485983408511", Text("hi"), CancellationToken.None);
        Assert.Equal("ok", sent.Id);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_send_that_may_have_reached_Teams_is_not_sent_again(int status)
    {
        _connector.Then(status);
        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().ReplyAsync(ServiceUrl, "a:chat", "1485983408511", Text("hi"), CancellationToken.None));
        Assert.Equal(status, (int)error.Status);
        Assert.Single(_connector.Requests);
        _connector.Then(status);
        await Assert.ThrowsAsync<ConnectorException>(() => Client().SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None));
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_send_to_a_host_that_refuses_the_connection_is_retried()
    {
        // Nothing listens on the port: the request never left, so sending it again cannot post it twice.
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<HttpRequestException>(() => Client().SendAsync($"http://127.0.0.1:{port}/_connector", "a:chat", Text("hi"), CancellationToken.None));
        Assert.True(watch.Elapsed > TimeSpan.FromMilliseconds(400), $"gave up after {watch.Elapsed}: not retried");
    }

    [Fact]
    public async Task Retries_give_up_after_four_attempts()
    {
        for (var i = 0; i < 6; i++)
        {
            _connector.Then(503);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().UpdateAsync(ServiceUrl, "a:chat", "1", Text("hi"), CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task Message_writes_blocked_is_final()
    {
        _connector.Then(403, """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked\"}"}""");
        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None));
        Assert.True(error.IsMessageWritesBlocked);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task Client_errors_are_not_retried(int status)
    {
        _connector.Then(status, """{"error":{"code":"BadSyntax","message":"Incorrect conversation creation parameters"}}""");
        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None));
        Assert.Equal("BadSyntax", error.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Unauthorized_forces_one_token_refresh_and_retries_once()
    {
        _connector.Then(401);
        var sent = await Client().SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None);
        Assert.Equal("ok", sent.Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, requests.Select(r => r.Authorization ?? "").ToArray());
        Assert.Equal(1, _tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task A_second_unauthorized_is_returned_not_retried_forever()
    {
        _connector.Then(401);
        _connector.Then(401);
        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(1, _tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task Ids_are_escaped_in_every_path()
    {
        const string conversation = "19:abc@thread.tacv2;messageid=1611060744833";
        const string escaped = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1611060744833";
        var client = Client();
        await client.SendAsync(ServiceUrl, conversation, Text("a"), CancellationToken.None);
        await client.ReplyAsync(ServiceUrl, conversation, "1:2", Text("b"), CancellationToken.None);
        await client.UpdateAsync(ServiceUrl, conversation, "1:2", Text("c"), CancellationToken.None);
        await client.DeleteAsync(ServiceUrl, conversation, "1:2", CancellationToken.None);
        _connector.Then(200, """{"id":"29:x","objectId":"9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c","userPrincipalName":"labrown@fabrikam.com","userRole":"user"}""");
        var member = await client.GetMemberAsync(ServiceUrl, conversation, "29:1GcS4E/x?y#z", CancellationToken.None);

        Assert.Equal(
        [
            $"POST /_connector/v3/conversations/{escaped}/activities",
            $"POST /_connector/v3/conversations/{escaped}/activities/1%3A2",
            $"PUT /_connector/v3/conversations/{escaped}/activities/1%3A2",
            $"DELETE /_connector/v3/conversations/{escaped}/activities/1%3A2",
            $"GET /_connector/v3/conversations/{escaped}/members/29%3A1GcS4E%2Fx%3Fy%23z",
        ], _connector.Requests.Select(r => $"{r.Method} {r.RawTarget}").ToArray());
        Assert.Equal("9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", member.EntraObjectId);
        Assert.Equal("1:2", JsonNode.Parse(_connector.Requests.ElementAt(1).Body)!["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_personal_conversation_sends_the_tenant_both_ways()
    {
        _connector.Then(201, """{"id":"a:1p0iicaJlVi"}""");
        var created = await Client().CreateConversationAsync(ServiceUrl + "/",
            ConversationParameters.Personal("29:1aK9mYhSZ3egG5Ve2U", TestTokens.TenantId, "28:" + TestTokens.AppId), CancellationToken.None);

        Assert.Equal("a:1p0iicaJlVi", created.Id);
        var request = _connector.Requests.Single();
        Assert.Equal("/_connector/v3/conversations", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal(TestTokens.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(TestTokens.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("29:1aK9mYhSZ3egG5Ve2U", body["members"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://evil.example.com/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]        // our token never travels over plain http
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("not a url")]
    public async Task Service_urls_off_the_allow_list_are_refused_without_sending(string serviceUrl)
    {
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => Client().SendAsync(serviceUrl, "a:chat", Text("hi"), CancellationToken.None));
        Assert.Equal(0, _tokens.Calls);
    }

    [Fact]
    public async Task Loopback_is_refused_outside_development()
    {
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => Client("Production").SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None));
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task No_token_goes_to_loopback_in_local_development_mode()
    {
        await Client(localMode: true).SendAsync(ServiceUrl, "a:chat", Text("hi"), CancellationToken.None);
        Assert.Null(_connector.Requests.Single().Authorization);
        Assert.Equal(0, _tokens.Calls);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", true)]
    [InlineData("https://botframework.com/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    public void Allow_list_matches_hosts_and_wildcard_subdomains(string url, bool allowed)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment("Production"));
        services.AddTeamsProtocol(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenantIds:0"] = TestTokens.TenantId, // required outside Development
        }).Build());
        var policy = services.BuildServiceProvider().GetRequiredService<ServiceUrlPolicy>();
        Assert.Equal(allowed, policy.IsAllowed(new Uri(url)));
    }

    [Theory]
    [InlineData("https://smba.example-sovereign.net/", true)]
    [InlineData("https://teams.contoso.example/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://other.example/", false)]
    public void Deployed_extra_hosts_add_to_the_built_in_list(string url, bool allowed)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment("Production"));
        services.AddTeamsProtocol(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // As Bicep writes it: Bot__AllowedServiceUrlHosts, comma-separated.
            ["Bot:AllowedServiceUrlHosts"] = "smba.example-sovereign.net, *.contoso.example",
            ["Bot:AllowedTenantIds:0"] = TestTokens.TenantId,
        }).Build());
        var policy = services.BuildServiceProvider().GetRequiredService<ServiceUrlPolicy>();
        Assert.Equal(allowed, policy.IsAllowed(new Uri(url)));
    }
}
