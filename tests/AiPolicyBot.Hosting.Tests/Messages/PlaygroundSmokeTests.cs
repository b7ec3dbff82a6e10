using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using System.Text.Json.Nodes;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Teams.Conversation;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>
/// The real Microsoft 365 Agents Playground (0.2.28, headless, telemetry off) talking to the real local host on
/// loopback: the Playground installs the bot, a user message goes in through its HTTP API, and the bot's reply comes
/// back through the Playground's mock connector (seen on its conversation WebSocket). Local-development mode is on:
/// Development, no token, loopback caller and serviceUrl. Ports 22010 (bot) and 22011 (Playground).
/// </summary>
public sealed class PlaygroundSmokeTests(ITestOutputHelper output)
{
    // AIPOLICYBOT_PLAYGROUND_PORT_BASE lets parallel runs keep to their own port ranges.
    private static readonly int BotPort = int.TryParse(Environment.GetEnvironmentVariable("AIPOLICYBOT_PLAYGROUND_PORT_BASE"), out var b) ? b : 22010;
    private static readonly int PlaygroundPort = BotPort + 1;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiPolicyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AiPolicyBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static readonly string TablePrefix = "smoke" + Guid.NewGuid().ToString("N")[..8];

    private sealed class LocalBot(string storage) : WebApplicationFactory<WebHostProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocal"] = "true",
                ["AzureWebJobsStorage"] = storage,
                ["Storage:TablePrefix"] = TablePrefix,
            }));
        }
    }

    [Fact]
    public async Task Playground_install_gets_one_welcome_and_a_user_message_gets_the_help_reply()
    {
        var cli = Path.Combine(RepoRoot(), "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            Assert.Fail($"The Agents Playground is missing ({cli}). Install the pinned npm tools first: run tools/test.sh, or `npm ci` in the repository root.");
        }

        var storage = Environment.GetEnvironmentVariable("AIPOLICYBOT_TEST_STORAGE") ?? "UseDevelopmentStorage=true";
        await using var bot = new LocalBot(storage);
        bot.UseKestrel(o => o.Listen(IPAddress.Loopback, BotPort));
        bot.StartServer();

        using var playground = StartPlayground(cli);
        var log = new StringBuilder();
        playground.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        playground.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        playground.BeginOutputReadLine();
        playground.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{PlaygroundPort}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForPingAsync(http, playground, log);

            var config = JsonNode.Parse(await http.GetStringAsync("/_internal/v1/config"))!["config"]!;
            var chatId = config["personalChat"]!["id"]!.GetValue<string>();
            var userId = config["currentUser"]!["id"]!.GetValue<string>();

            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{PlaygroundPort}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);

            // What the Playground UI does when it opens a chat: installationUpdate (add) and conversationUpdate (bot
            // added) are sent to the bot concurrently. The bot must welcome exactly once.
            using var install = await http.PostAsJsonAsync($"/_debug/conversation/{chatId}/installation", new { });
            Assert.Equal(HttpStatusCode.OK, install.StatusCode);
            var welcome = await WaitForBotMessageAsync(socket, chatId, TimeSpan.FromSeconds(20));
            Assert.True(welcome is not null, "no welcome on the Playground stream; Playground log:\n" + log);
            Assert.Equal(HelpCard.Build(welcome: true).Body.OfType<TextBlock>().First().Text, welcome);

            using var sent = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{chatId}/messages",
                new { from = new { id = userId }, text = "hello", textFormat = "plain" });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

            // The next bot message must be the help reply, not a second welcome.
            var reply = await WaitForBotMessageAsync(socket, chatId, TimeSpan.FromSeconds(20));
            Assert.True(reply is not null, "no bot reply on the Playground stream; Playground log:\n" + log);
            Assert.Equal(OtherReplies.For("hello"), reply);

            // The install (installationUpdate + conversationUpdate at Playground start) stored the reference for later
            // proactive messages, with the Playground's loopback serviceUrl.
            var stored = await new TableConversationReferenceStore(new TableClients(new StorageOptions { ConnectionString = storage, TablePrefix = TablePrefix }))
                .GetAsync(chatId, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal($"http://localhost:{PlaygroundPort}/_connector", stored.ServiceUrl);
            Assert.Equal("personal", stored.ConversationType);
        }
        finally
        {
            if (!playground.HasExited)
            {
                playground.Kill(entireProcessTree: true);
                await playground.WaitForExitAsync();
            }

            lock (log)
            {
                output.WriteLine(log.ToString());
            }
        }
    }

    private static Process StartPlayground(string cli)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(cli)!,
        };
        foreach (var arg in new[] { cli, "-e", $"http://127.0.0.1:{BotPort}/api/messages", "-c", "msteams", "-p", $"{PlaygroundPort}", "--disable-telemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        // Network safety (local-tooling.md §1): no browser, no Application Insights statsbeat, no telemetry.
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
    }

    private static async Task WaitForPingAsync(HttpClient http, Process playground, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(playground.HasExited, "the Playground exited early:\n" + log);
            try
            {
                if (await http.GetStringAsync("/_debug/ping") == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("the Playground did not answer /_debug/ping within 30 s:\n" + log);
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
