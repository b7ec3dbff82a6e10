using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Protocol.Dispatch;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>Routing, budgets, welcome-once and reference caching of the dispatcher (connector and store mocked).</summary>
public sealed class ActivityDispatcherTests
{
    private readonly Mock<IConnectorClient> _connector = new();
    private readonly Mock<IConversationReferenceStore> _store = new();
    private readonly List<Activity> _sent = [];

    public ActivityDispatcherTests()
    {
        _connector.Setup(c => c.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string _, Activity a, CancellationToken _) => _sent.Add(a))
            .ReturnsAsync(new ResourceResponse("r1"));
        _connector.Setup(c => c.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, Activity a, CancellationToken _) => _sent.Add(a))
            .ReturnsAsync(new ResourceResponse("s1"));
    }

    private ActivityDispatcher Create(Action<IServiceCollection>? extra = null, string meBudget = "00:00:04.5")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment("Production"));
        services.AddTeamsProtocol(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MessageExtensionBudget"] = meBudget,
            ["Bot:AllowedTenantIds:0"] = TestTokens.TenantId, // required outside Development
        }).Build());
        services.AddSingleton(_connector.Object);
        services.AddSingleton(_store.Object);
        services.AddSingleton<IInstallHandler, WelcomeInstallHandler>();
        services.AddSingleton<HelpMessageHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<HelpMessageHandler>());
        services.AddSingleton<IMessageHandler>(sp => sp.GetRequiredService<HelpMessageHandler>());
        extra?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<ActivityDispatcher>();
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, AiPolicyJson.Options)!;

    private static Activity Message(string text = "hello", string serviceUrl = TestTokens.ServiceUrl) =>
        Parse(TestTokens.MessageJson(serviceUrl: serviceUrl, text: text));

    private static Activity Invoke(string name, string? value = null) =>
        Parse(TestTokens.MessageJson(type: "invoke", name: name, text: "", valueJson: value));

    [Fact]
    public async Task Install_then_conversation_update_welcomes_once_and_stores_the_reference()
    {
        var stored = (ConversationReference?)null;
        _store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        _store.Setup(s => s.SaveAsync(It.IsAny<ConversationReference>(), It.IsAny<CancellationToken>()))
            .Callback((ConversationReference r, CancellationToken _) => stored = r).Returns(Task.CompletedTask);
        var dispatcher = Create();
        var install = Parse(TestTokens.MessageJson(type: "installationUpdate")) with { Action = "add", Text = null };
        var added = Parse(TestTokens.MessageJson(type: "conversationUpdate")) with
        {
            Text = null,
            MembersAdded = [new ChannelAccount { Id = "29:user-1" }, new ChannelAccount { Id = "28:" + TestTokens.AppId }],
        };

        Assert.Null(await dispatcher.DispatchAsync(install, AuthMode.Channel));
        Assert.Null(await dispatcher.DispatchAsync(added, AuthMode.Channel));

        Assert.Equal(WelcomeInstallHandler.Text, Assert.Single(_sent).Text);
        _store.Verify(s => s.SaveAsync(It.IsAny<ConversationReference>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(new ConversationReference("a:1-personal-chat", TestTokens.ServiceUrl, "msteams", TestTokens.TenantId, "personal",
            "29:user-1", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8", "28:" + TestTokens.AppId, "AiPolicyBot"), stored);
    }

    [Fact]
    public async Task Warm_messages_do_no_storage_round_trips_and_a_moved_service_url_is_rewritten()
    {
        var dispatcher = Create();
        await dispatcher.DispatchAsync(Message(), AuthMode.Channel);
        await dispatcher.DispatchAsync(Message(), AuthMode.Channel);
        await dispatcher.DispatchAsync(Message(), AuthMode.Channel);
        _store.Verify(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.SaveAsync(It.IsAny<ConversationReference>(), It.IsAny<CancellationToken>()), Times.Once);

        await dispatcher.DispatchAsync(Message(serviceUrl: "https://smba.trafficmanager.net/emea/"), AuthMode.Channel);
        _store.Verify(s => s.SaveAsync(It.Is<ConversationReference>(r => r.ServiceUrl == "https://smba.trafficmanager.net/emea/"), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Storage_failure_does_not_stop_the_reply()
    {
        _store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("table down"));
        await Create().DispatchAsync(Message(), AuthMode.Channel);
        Assert.Equal(HelpMessageHandler.Text, Assert.Single(_sent).Text);
    }

    [Fact]
    public async Task Install_with_storage_down_still_welcomes_once()
    {
        _store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("table down"));
        var dispatcher = Create();
        var install = Parse(TestTokens.MessageJson(type: "installationUpdate")) with { Action = "add", Text = null };
        var added = Parse(TestTokens.MessageJson(type: "conversationUpdate")) with
        {
            Text = null,
            MembersAdded = [new ChannelAccount { Id = "28:" + TestTokens.AppId }],
        };

        await Task.WhenAll(dispatcher.DispatchAsync(install, AuthMode.Channel), dispatcher.DispatchAsync(added, AuthMode.Channel));

        Assert.Equal(WelcomeInstallHandler.Text, Assert.Single(_sent).Text);
    }

    [Fact]
    public async Task Bot_removed_forgets_the_reference()
    {
        var removed = Parse(TestTokens.MessageJson(type: "conversationUpdate")) with
        {
            MembersRemoved = [new ChannelAccount { Id = "28:" + TestTokens.AppId }],
        };
        await Create().DispatchAsync(removed, AuthMode.Channel);
        _store.Verify(s => s.DeleteAsync("a:1-personal-chat", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task Messages_go_to_the_replaceable_message_handler_and_commands_by_first_word()
    {
        var custom = new Mock<IMessageHandler>();
        var dispatcher = Create(s => s.AddSingleton(custom.Object));

        await dispatcher.DispatchAsync(Message("<at>AiPolicyBot</at> can I use ChatGPT?"), AuthMode.Channel);
        custom.Verify(h => h.HandleAsync(It.Is<TurnContext>(t => t.Text == "can I use ChatGPT?"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_sent);

        await dispatcher.DispatchAsync(Message("HELP me"), AuthMode.Channel);
        Assert.Equal(HelpMessageHandler.Text, Assert.Single(_sent).Text);
        Assert.Equal("1485983408511", _sent[0].ReplyToId);
        Assert.Equal("28:" + TestTokens.AppId, _sent[0].From!.Id);
    }

    [Fact]
    public async Task Unknown_invoke_is_501()
    {
        Assert.Equal(501, (await Create().DispatchAsync(Invoke("composeExtension/query"), AuthMode.Channel))!.Status);
    }

    [Fact]
    public async Task Invoke_goes_to_the_handler_registered_for_its_name()
    {
        var handler = new Mock<IInvokeHandler>();
        handler.SetupGet(h => h.Name).Returns("composeExtension/query");
        handler.Setup(h => h.HandleAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(InvokeResponseFactory.SearchMessage("none"));
        var response = await Create(s => s.AddSingleton(handler.Object)).DispatchAsync(Invoke("composeExtension/query", """{"commandId":"search"}"""), AuthMode.Channel);
        Assert.Equal(200, response!.Status);
        Assert.Equal("none", ((MessagingExtensionResponse)response.Body!).ComposeExtension.Text);
    }

    [Fact]
    public async Task Slow_message_extension_query_gets_a_friendly_answer_within_its_budget()
    {
        var slow = new Mock<IInvokeHandler>();
        slow.SetupGet(h => h.Name).Returns("composeExtension/query");
        slow.Setup(h => h.HandleAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()))
            .Returns(async () => { await Task.Delay(TimeSpan.FromSeconds(5)); return InvokeResponseFactory.Ok(); }); // ignores cancellation
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await Create(s => s.AddSingleton(slow.Object), meBudget: "00:00:00.300")
            .DispatchAsync(Invoke("composeExtension/query"), AuthMode.Channel);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), watch.Elapsed.ToString());
        Assert.Equal(200, response!.Status);
        Assert.Equal(InvokeResponseFactory.TimeoutText, ((MessagingExtensionResponse)response.Body!).ComposeExtension.Text);
    }

    private sealed class ApproveHandler : ICardActionHandler
    {
        public CardActionInvoke? Seen;
        public string Verb => "approve";

        public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
        {
            Seen = action;
            return Task.FromResult(InvokeResponseFactory.Message("Your approval was recorded."));
        }
    }

    [Fact]
    public async Task Card_actions_route_by_verb_and_a_missing_trigger_means_manual()
    {
        var approve = new ApproveHandler();
        var response = await Create(s => s.AddSingleton<ICardActionHandler>(approve)).DispatchAsync(Invoke("adaptiveCard/action",
            """{"action":{"type":"Action.Execute","id":"abc","verb":"approve","data":{"requestId":"42"}}}"""), AuthMode.Channel);

        Assert.Equal(200, response!.Status);
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, ((AdaptiveCardInvokeResponse)response.Body!).Type);
        Assert.Equal("42", approve.Seen!.GetString("requestId"));
        Assert.False(approve.Seen.IsAutomaticRefresh);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"approve"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""")]
    public async Task Malformed_card_actions_are_http_400_with_an_error_body(string? value)
    {
        var response = await Create().DispatchAsync(Invoke("adaptiveCard/action", value), AuthMode.Channel);
        Assert.Equal(400, response!.Status);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, ((AdaptiveCardInvokeResponse)response.Body!).Type);
    }

    [Fact]
    public async Task Unknown_verb_is_an_error_body_with_http_200()
    {
        var response = await Create().DispatchAsync(Invoke("adaptiveCard/action",
            """{"action":{"type":"Action.Execute","verb":"launchRockets"},"trigger":"manual"}"""), AuthMode.Channel);
        Assert.Equal(200, response!.Status);
        var body = (AdaptiveCardInvokeResponse)response.Body!;
        Assert.Equal(400, body.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, body.Type);
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored()
    {
        Assert.Null(await Create().DispatchAsync(Parse(TestTokens.MessageJson(type: "messageReaction")), AuthMode.Channel));
        Assert.Empty(_sent);
    }
}
