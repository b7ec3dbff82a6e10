using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Hosting.Tests.Conversation;

/// <summary>
/// A chat turn answers without loading ML.NET: the intent model is scored from its exported tables
/// (docs/spec/intent-scorer.md). Nor does it load the Graph SDK (Microsoft.Graph, Kiota) or Azure.Identity: the mail jobs the
/// local host starts build their GraphServiceClient when mail first needs it (GraphMailClient), so a chat-only
/// process never maps those files (docs/benchmarks.md, "Not loading what a chat turn does not use"). Other tests in this process load ML.NET (the triage preview), so the real local host
/// runs as a child process and the evidence is the operating system's: the assembly files it has mapped
/// (/proc/PID/maps), after it has answered a staff question through a loopback connector.
/// </summary>
public sealed class ChatTurnWithoutMlNetTests
{
    private const string Question = "can I use chat gpt for lesson plans?";

    [Fact]
    public async Task A_chat_turn_through_the_local_host_loads_neither_ML_NET_nor_the_Graph_SDK()
    {
        Assert.True(OperatingSystem.IsLinux(), "the evidence is /proc/PID/maps");
        var dir = AppContext.BaseDirectory;
        // ML.NET sits beside the host (the Language assembly references it): were it loaded, its files would be mapped.
        Assert.True(File.Exists(Path.Combine(dir, "Microsoft.ML.Data.dll")), "ML.NET is not beside the host");
        Assert.True(File.Exists(Path.Combine(dir, "Microsoft.Graph.dll")), "the Graph SDK is not beside the host");

        var replies = new ConcurrentQueue<string>();
        await using var connector = LoopbackApp.Create();
        connector.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            replies.Enqueue(await reader.ReadToEndAsync());
            return Results.Json(new { id = "r1" }, statusCode: 201);
        });
        await connector.StartAsync();

        var port = FreePort();
        var log = new ConcurrentQueue<string>();
        using var host = StartHost(dir, port, log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var status = await PostUntilUpAsync(http, host, Activity(connector.Urls.Single() + "/"));
            Assert.Equal(HttpStatusCode.OK, status);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (replies.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.True(replies.Any(r => r.Contains("ChatGPT", StringComparison.OrdinalIgnoreCase)),
                $"no answer about ChatGPT reached the connector ({replies.Count} sends); host log:\n{string.Join('\n', log.TakeLast(40))}");

            var mapped = MappedAssemblies(host.Id);
            // The check sees managed assemblies: the one holding the intent model and the one that understood the turn.
            Assert.Contains("AiPolicyBot.Language.dll", mapped);
            Assert.Contains("AiPolicyBot.Teams.dll", mapped);
            Assert.DoesNotContain(mapped, name => name.StartsWith("Microsoft.ML", StringComparison.OrdinalIgnoreCase));
            string[] graphSdk = ["Microsoft.Graph", "Microsoft.Kiota", "Azure.Identity"];
            Assert.DoesNotContain(mapped, name => graphSdk.Any(sdk => name.StartsWith(sdk, StringComparison.OrdinalIgnoreCase)));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static Process StartHost(string dir, int port, ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo("dotnet", ["AiPolicyBot.LocalHost.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var prefix = "NoMl" + Guid.NewGuid().ToString("N")[..8];
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["AzureWebJobsStorage"] = TestStorage.ConnectionString;
        start.Environment["Storage__TablePrefix"] = prefix;
        start.Environment["Storage__QueuePrefix"] = prefix.ToLowerInvariant() + "-";
        start.Environment["Bot__AllowUnauthenticatedLocal"] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the local host did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpStatusCode> PostUntilUpAsync(HttpClient http, Process host, string activity)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(host.HasExited, "the local host exited");
            try
            {
                using var response = await http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100); // not listening yet
            }
        }
    }

    /// <summary>The file names of the .dll files the process has mapped.</summary>
    private static HashSet<string> MappedAssemblies(int pid) =>
        File.ReadLines($"/proc/{pid}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 6 && parts[5].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(parts => Path.GetFileName(parts[5]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Activity(string serviceUrl) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "message",
            id = "no-ml-1",
            channelId = "msteams",
            serviceUrl,
            from = new { id = "29:u", aadObjectId = "00000000-0000-0000-0000-0000000000aa" },
            conversation = new { id = "a:no-ml-net", conversationType = "personal", tenantId = "00000000-0000-0000-0000-00000000abcd" },
            recipient = new { id = "28:b" },
            text = Question,
            channelData = new { tenant = new { id = "00000000-0000-0000-0000-00000000abcd" } },
        });
}
