using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Walk;

/// <summary>
/// A warm-up turn, then WALK_TURNS "can I use ChatGPT?" turns (a personal chat message as Teams sends it) through POST /api/messages of the real local host (Development, the
/// Playground's local mode, Azurite from AIPOLICYBOT_TEST_STORAGE), answered through the real connector client to a
/// fake connector on loopback. count-walk.sh runs it with one measured turn and with two under coverage; the lines run
/// more often the second time are the code of one warm turn (the same question again: the intent scores come from the
/// provider's cache, as they do for staff asking the usual questions).
/// </summary>
public sealed class WalkTurns
{
    private static readonly int ConnectorPort = WalkHost.ConnectorPort;

    [Fact]
    public async Task Can_I_use_ChatGPT_turns_reach_the_connector()
    {
        var posts = new ConcurrentQueue<string>();
        await using var fake = LoopbackApp.Create(ConnectorPort);
        fake.Run(async ctx =>
        {
            posts.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}");
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"id":"reply-1"}""");
        });
        await fake.StartAsync();

        await using var host = new WalkHost();
        using var client = host.CreateClient();
        // One turn first, then a pause for the host's background warm-up: what stays is the work of a warm turn, the
        // same in both runs, so only the measured turns differ between them.
        await TurnAsync(client, "can I use Gemini?");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var turns = int.Parse(Environment.GetEnvironmentVariable("WALK_TURNS") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        // WALK_VARY=1: each measured turn is a text the host has not seen, so the understanding runs rather than
        // its per-text cache (the walk of a new question; without it, of a repeated one).
        var vary = Environment.GetEnvironmentVariable("WALK_VARY") == "1";
        for (var i = 0; i < turns; i++)
        {
            await TurnAsync(client, vary ? $"can I use ChatGPT for lesson {i + 1}?" : "can I use ChatGPT?");
        }

        Assert.Equal(turns + 1, posts.Count(p => p.StartsWith("POST ", StringComparison.Ordinal)));
    }

    private static async Task TurnAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = $"http://127.0.0.1:{ConnectorPort}/",
        ["from"] = new JsonObject { ["id"] = "29:walker", ["name"] = "Megan Bowen", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000a1" },
        ["recipient"] = new JsonObject { ["id"] = "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", ["name"] = "AI Policy Helper" },
        ["conversation"] = new JsonObject { ["id"] = "a:walk", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["text"] = text,
        ["locale"] = "en-GB",
    };
}
