using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Testing.Azurite;
using Xunit.Abstractions;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>
/// The real Microsoft 365 Agents Playground (0.2.28, headless, telemetry off) talking to the real local host on
/// loopback (<see cref="PlaygroundHarness"/>): the Playground installs the bot, a user message goes in through its
/// HTTP API, and the bot's reply comes back through the Playground's mock connector (seen on its conversation
/// WebSocket). Local-development mode is on: Development, no token, loopback caller and serviceUrl.
/// Ports 22010 (bot) and 22011 (Playground) unless AIPOLICYBOT_PLAYGROUND_PORT_BASE is set.
/// </summary>
public sealed class PlaygroundSmokeTests(ITestOutputHelper output)
{
    // AIPOLICYBOT_PLAYGROUND_PORT_BASE lets parallel runs keep to their own port ranges (TestPorts).
    private static readonly int BotPort = TestPorts.SmokeBot;
    private static readonly int PlaygroundPort = TestPorts.SmokePlayground;

    private static readonly string TablePrefix = "smoke" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Playground_install_gets_one_welcome_and_a_user_message_gets_the_help_reply()
    {
        await using var harness = await PlaygroundHarness.StartAsync(BotPort, PlaygroundPort, TablePrefix, output);
        var http = harness.Http;
        var (chatId, userId) = await harness.ConfigAsync();

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{PlaygroundPort}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);

        // What the Playground UI does when it opens a chat: installationUpdate (add) and conversationUpdate (bot
        // added) are sent to the bot concurrently. The bot must welcome exactly once.
        using var install = await http.PostAsJsonAsync($"/_debug/conversation/{chatId}/installation", new { });
        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        var welcome = await WaitForBotMessageAsync(socket, chatId, TimeSpan.FromSeconds(20));
        Assert.True(welcome is not null, "no welcome on the Playground stream; Playground log:\n" + harness.Log);
        Assert.Equal(HelpCard.Build(welcome: true).Body.OfType<TextBlock>().First().Text, welcome);

        using var sent = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{chatId}/messages",
            new { from = new { id = userId }, text = "hello", textFormat = "plain" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        // The next bot message must be the help reply, not a second welcome.
        var reply = await WaitForBotMessageAsync(socket, chatId, TimeSpan.FromSeconds(20));
        Assert.True(reply is not null, "no bot reply on the Playground stream; Playground log:\n" + harness.Log);
        Assert.Equal(OtherReplies.For("hello"), reply);

        // The install (installationUpdate + conversationUpdate at Playground start) stored the reference for later
        // proactive messages, with the Playground's loopback serviceUrl.
        var stored = await new TableConversationReferenceStore(new TableClients(new StorageOptions { ConnectionString = TestStorage.ConnectionString, TablePrefix = TablePrefix }))
            .GetAsync(chatId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal($"http://localhost:{PlaygroundPort}/_connector", stored.ServiceUrl);
        Assert.Equal("personal", stored.ConversationType);
    }

    /// <summary>Reads createMessage events until one in the chat comes from someone other than a user; returns its text.</summary>
    private async Task<string?> WaitForBotMessageAsync(ClientWebSocket socket, string chatId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cts.Token);
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var text = Encoding.UTF8.GetString(frame.ToArray());
                output.WriteLine("ws: " + text);
                var node = JsonNode.Parse(text);
                if (node?["action"]?.GetValue<string>() == "createMessage"
                    && node["actionConversationId"]?.GetValue<string>() == chatId
                    && node["message"]?["from"]?["id"]?.GetValue<string>() is { } from
                    && !from.StartsWith("user-id-", StringComparison.Ordinal))
                {
                    // A card reply is identified by its first TextBlock (the welcome card's heading).
                    return node["message"]!["text"]?.GetValue<string>() is { Length: > 0 } t ? t
                        : node["message"]!["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>();
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
