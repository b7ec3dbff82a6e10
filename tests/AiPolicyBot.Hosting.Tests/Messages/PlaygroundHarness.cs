using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Azurite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>
/// The real Microsoft 365 Agents Playground (0.2.28, headless, telemetry off) and the real local host on loopback
/// ports: the local host in Development with local-development mode on (no token, loopback caller and serviceUrl),
/// its own tables on the test Azurite, and the Playground pointed at it. Dispose stops both and writes the Playground
/// log to the test output.
/// </summary>
public sealed class PlaygroundHarness : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly ITestOutputHelper _output;
    private readonly Process _playground;

    private PlaygroundHarness(LocalBot bot, Process playground, HttpClient http, ITestOutputHelper output)
    {
        Bot = bot;
        _playground = playground;
        Http = http;
        _output = output;
    }

    public LocalBot Bot { get; }

    /// <summary>The Playground's HTTP API (base address http://127.0.0.1:{playgroundPort}).</summary>
    public HttpClient Http { get; }

    public int PlaygroundPort => Http.BaseAddress!.Port;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }


    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiPolicyBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("AiPolicyBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The local host as the Playground's bot (Development, Bot:AllowUnauthenticatedLocal, own table prefix).</summary>
    public sealed class LocalBot(string storage, string tablePrefix) : WebApplicationFactory<WebHostProgram>
    {
        public string TablePrefix => tablePrefix;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocal"] = "true",
                ["AzureWebJobsStorage"] = storage,
                ["Storage:TablePrefix"] = tablePrefix,
            }));
        }
    }

    /// <summary>Starts the local host on <paramref name="botPort"/> and the Playground on <paramref name="playgroundPort"/>, and waits for its ping.</summary>
    public static async Task<PlaygroundHarness> StartAsync(int botPort, int playgroundPort, string tablePrefix, ITestOutputHelper output)
    {
        var cli = Path.Combine(RepoRoot(), "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            Assert.Fail($"The Agents Playground is missing ({cli}). Install the pinned npm tools first: run tools/test.sh, or `npm ci` in the repository root.");
        }

        var bot = new LocalBot(TestStorage.ConnectionString, tablePrefix);
        bot.UseKestrel(o => o.Listen(IPAddress.Loopback, botPort));
        bot.StartServer();

        var playground = StartPlayground(cli, botPort, playgroundPort);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{playgroundPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var harness = new PlaygroundHarness(bot, playground, http, output);
        playground.OutputDataReceived += (_, e) => { lock (harness._log) harness._log.AppendLine(e.Data); };
        playground.ErrorDataReceived += (_, e) => { lock (harness._log) harness._log.AppendLine(e.Data); };
        playground.BeginOutputReadLine();
        playground.BeginErrorReadLine();
        try
        {
            await harness.WaitForPingAsync();
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }

        return harness;
    }

    /// <summary>The personal chat id and the current user id of this Playground run (random per start).</summary>
    public async Task<(string ChatId, string UserId)> ConfigAsync()
    {
        var config = JsonNode.Parse(await Http.GetStringAsync("/_internal/v1/config"))!["config"]!;
        return (config["personalChat"]!["id"]!.GetValue<string>(), config["currentUser"]!["id"]!.GetValue<string>());
    }

    /// <summary>POST /_conversation/v1/invoke (docs/e2e.md): the Playground sends the invoke and returns the bot's body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> InvokeAsync(string name, string chatId, string userId, JsonObject value)
    {
        using var response = await Http.PostAsJsonAsync("/_conversation/v1/invoke", new JsonObject
        {
            ["name"] = name,
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = chatId },
            ["value"] = value,
        });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Process StartPlayground(string cli, int botPort, int playgroundPort)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(cli)!,
        };
        foreach (var arg in new[] { cli, "-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "-p", $"{playgroundPort}", "--disable-telemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        // Network safety (docs/e2e.md): no browser, no Application Insights statsbeat, no telemetry.
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
    }

    private async Task WaitForPingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_playground.HasExited, "the Playground exited early:\n" + Log);
            try
            {
                if (await Http.GetStringAsync("/_debug/ping") == "pong") return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("the Playground did not answer /_debug/ping within 30 s:\n" + Log);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_playground.HasExited)
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }

        _playground.Dispose();
        Http.Dispose();
        await Bot.DisposeAsync();
        _output.WriteLine(Log);
    }
}
