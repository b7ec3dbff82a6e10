using System.Net;
using System.Text.Json.Nodes;
using AiPolicyBot.Hosting.Tests.Messages;
using AiPolicyBot.Register;
using Xunit.Abstractions;

namespace AiPolicyBot.Hosting.Tests.MessageExtension;

/// <summary>
/// One journey through the real Agents Playground's message-extension invoke API (POST /_conversation/v1/invoke,
/// docs/e2e.md) to the real local host: the "AI tools" search with a misspelt name, the opening list, and
/// the request dialog. Ports 29020 (bot) and 29021 (Playground) unless AIPOLICYBOT_PLAYGROUND_PORT_BASE is set (<see cref="TestPorts"/>).
/// </summary>
public sealed class PlaygroundMessageExtensionTests(ITestOutputHelper output)
{
    private static readonly int BotPort = TestPorts.MessageExtensionBot;
    private static readonly int PlaygroundPort = TestPorts.MessageExtensionPlayground;

    private static JsonObject Search(string text) => new()
    {
        ["commandId"] = "searchTools",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchQuery", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 10 },
    };

    [Fact]
    public async Task Search_and_request_dialog_work_through_the_Playground()
    {
        await using var harness = await PlaygroundHarness.StartAsync(BotPort, PlaygroundPort, "msgext" + Guid.NewGuid().ToString("N")[..8], output);
        var (chatId, userId) = await harness.ConfigAsync();

        // 1. Search with a misspelling, as typed in the compose box.
        var (status, raw) = await harness.InvokeAsync("composeExtension/query", chatId, userId, Search("chat gtp"));
        output.WriteLine("query: " + raw);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {raw}\n{harness.Log}");
        var result = JsonNode.Parse(raw)!["composeExtension"]!;
        Assert.Equal("result", (string)result["type"]!);
        Assert.Equal("list", (string)result["attachmentLayout"]!);
        var first = result["attachments"]![0]!;
        Assert.Equal(DemoRegister.Entries.Single(e => e.Id == "chatgpt-free").Name, (string)first["preview"]!["content"]!["title"]!);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", (string)first["preview"]!["contentType"]!);
        Assert.Equal("Action.OpenUrl", (string)first["content"]!["actions"]![0]!["type"]!);

        // 2. The opening list (initialRun): ChatGPT was just looked up, so it comes first.
        var initial = new JsonObject
        {
            ["commandId"] = "searchTools",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 5 },
        };
        (status, raw) = await harness.InvokeAsync("composeExtension/query", chatId, userId, initial);
        Assert.True(status == HttpStatusCode.OK, raw);
        var opening = JsonNode.Parse(raw)!["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal(5, opening.Count);
        Assert.Equal((string)first["preview"]!["content"]!["title"]!, (string)opening[0]!["preview"]!["content"]!["title"]!);

        // 3. The action command's dialog (fetchTask) comes back through the Playground too.
        (status, raw) = await harness.InvokeAsync("composeExtension/fetchTask", chatId, userId,
            new JsonObject { ["commandId"] = "requestApproval", ["commandContext"] = "compose" });
        Assert.True(status == HttpStatusCode.OK, raw);
        var task = JsonNode.Parse(raw)!["task"]!;
        Assert.Equal("continue", (string)task["type"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)task["value"]!["card"]!["contentType"]!);
    }
}
