using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AiPolicyBot.Hosting.Tests.MessageExtension.MessageExtensionHost;

namespace AiPolicyBot.Hosting.Tests.MessageExtension;

/// <summary>
/// A group chat without the bot: the roster call through the real connector client fails with 403
/// BotNotInConversationRoster (a fake connector on loopback answers like Teams), so fetchTask answers with the
/// just-in-time install card instead of an error; the install card's submit opens the dialog the person wanted.
/// </summary>
public sealed class JustInTimeInstallTests(MessageExtensionHost host) : IClassFixture<MessageExtensionHost>, IAsyncLifetime
{
    private WebApplication? _connector;
    private readonly ConcurrentQueue<string> _calls = new();

    public async Task InitializeAsync()
    {
        _connector = LoopbackApp.Create(ConnectorPort);
        _connector.Run(async ctx =>
        {
            _calls.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}");
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        });
        await _connector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_connector is not null) await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Group_chat_without_the_bot_gets_the_install_card_then_the_dialog_after_installing()
    {
        var user = Guid.NewGuid().ToString();
        var chat = $"19:{Guid.NewGuid():N}@thread.v2";
        var fetch = Invoke("composeExtension/fetchTask",
            new JsonObject { ["commandId"] = "requestApproval", ["commandContext"] = "compose" }, user, chat, "groupChat");

        var (status, body) = await host.PostAsync(fetch);
        Assert.Equal(200, status);
        Assert.Equal("continue", (string)body!["task"]!["type"]!);
        var card = body["task"]!["value"]!["card"]!["content"]!;
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", (string)action["type"]!);
        Assert.True((bool)action["data"]!["msteams"]!["justInTimeInstall"]!);
        Assert.Contains(_calls, c => c.StartsWith("GET ") && c.Contains("/members/"));

        // Teams installs the app and sends submitAction with the install card's data: the form opens.
        var installed = Invoke("composeExtension/submitAction", new JsonObject
        {
            ["commandId"] = "requestApproval",
            ["commandContext"] = "compose",
            ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["justInTimeInstall"] = true } },
        }, user, chat, "groupChat");
        (status, body) = await host.PostAsync(installed);
        Assert.Equal(200, status);
        Assert.Equal("Request approval for an AI tool", (string)body!["task"]!["value"]!["title"]!);

        // From now on this chat opens the dialog straight away, without asking the roster again.
        var callsBefore = _calls.Count;
        (status, body) = await host.PostAsync(fetch);
        Assert.Equal(200, status);
        Assert.Equal("Request approval for an AI tool", (string)body!["task"]!["value"]!["title"]!);
        Assert.Equal(callsBefore, _calls.Count);
    }

    [Fact]
    public async Task Install_submit_of_a_message_action_without_the_message_says_to_run_it_again()
    {
        var (status, body) = await host.PostAsync(Invoke("composeExtension/submitAction", new JsonObject
        {
            ["commandId"] = "checkMessage",
            ["commandContext"] = "message",
            ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["justInTimeInstall"] = true } },
        }, Guid.NewGuid().ToString(), $"19:{Guid.NewGuid():N}@thread.v2", "groupChat"));
        Assert.Equal(200, status);
        Assert.Equal("message", (string)body!["task"]!["type"]!);
        Assert.Equal(AiPolicyBot.Teams.MessageExtension.SubmitActionInvokeHandler.InstalledText, (string)body["task"]!["value"]!);
    }

    [Fact]
    public async Task Personal_scope_never_asks_the_roster()
    {
        var callsBefore = _calls.Count;
        var (status, body) = await host.PostAsync(Invoke("composeExtension/fetchTask",
            new JsonObject { ["commandId"] = "requestApproval", ["commandContext"] = "commandbox" }, Guid.NewGuid().ToString()));
        Assert.Equal(200, status);
        Assert.Equal("Request approval for an AI tool", (string)body!["task"]!["value"]!["title"]!);
        Assert.Equal(callsBefore, _calls.Count);
    }
}
