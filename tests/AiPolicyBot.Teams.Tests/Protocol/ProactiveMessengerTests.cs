using System.Text.Json.Nodes;
using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Tests.Support;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>Proactive sends from stored references, through the real connector client, to a fake connector on loopback.</summary>
public sealed class ProactiveMessengerTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly Mock<IConversationReferenceStore> _store = new();

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private ProactiveMessenger Create()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment("Development"));
        services.AddSingleton<IConnectorTokenProvider>(new CountingTokenProvider());
        services.AddSingleton(_store.Object);
        services.AddTeamsProtocol(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<ProactiveMessenger>();
    }

    private ConversationReference Reference => new("a:personal/1", _connector.BaseUrl + "/_connector/", "msteams", TestTokens.TenantId,
        "personal", "29:user-1", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8", "28:" + TestTokens.AppId, "AiPolicyBot");

    [Fact]
    public async Task Send_to_user_finds_the_personal_chat_and_posts_as_the_bot()
    {
        _store.Setup(s => s.FindPersonalAsync("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", It.IsAny<CancellationToken>())).ReturnsAsync(Reference);
        _connector.Then(201, """{"id":"act-9"}""");

        var result = await Create().SendToUserAsync("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", new Activity { Text = "Your request was approved." }, CancellationToken.None);

        Assert.Equal("act-9", result!.Value.Sent.Id);
        var request = _connector.Requests.Single();
        Assert.Equal("POST /_connector/v3/conversations/a%3Apersonal%2F1/activities", $"{request.Method} {request.RawTarget}");
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("28:" + TestTokens.AppId, body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("a:personal/1", body["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_to_an_unknown_user_sends_nothing()
    {
        Assert.Null(await Create().SendToUserAsync("unknown", new Activity { Text = "x" }, CancellationToken.None));
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Update_puts_the_full_message_at_the_activity_id()
    {
        await Create().UpdateAsync(Reference, "act-9", new Activity { Text = "Approved by Megan" }, CancellationToken.None);
        var request = _connector.Requests.Single();
        Assert.Equal("PUT /_connector/v3/conversations/a%3Apersonal%2F1/activities/act-9", $"{request.Method} {request.RawTarget}");
        Assert.Equal("Approved by Megan", JsonNode.Parse(request.Body)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_personal_conversation_returns_a_reference_usable_for_sending()
    {
        _connector.Then(201, """{"id":"a:new-chat"}""");
        var created = await Create().CreatePersonalConversationAsync(_connector.BaseUrl + "/_connector", "29:approver", TestTokens.TenantId,
            "28:" + TestTokens.AppId, CancellationToken.None);
        Assert.Equal("a:new-chat", created.ConversationId);
        Assert.Equal(TestTokens.TenantId, created.TenantId);
        Assert.Equal("29:approver", created.UserId);
    }
}
