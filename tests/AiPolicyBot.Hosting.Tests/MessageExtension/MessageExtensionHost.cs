using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Testing.Hosts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.MessageExtension;

/// <summary>
/// The real local host (Development, test Azurite, own tables) with the Playground's local-development mode, so tests
/// post invoke activities to POST /api/messages exactly as Teams would, from a loopback caller. The serviceUrl points
/// at <see cref="ConnectorPort"/>, where a test may run a fake connector (only the just-in-time install test does).
/// </summary>
public sealed class MessageExtensionHost : LocalHostFactory
{
    public static readonly int ConnectorPort = TestPorts.Connector;
    public static readonly string ServiceUrl = $"http://127.0.0.1:{ConnectorPort}/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocal"] = "true",
            ["Bot:AppId"] = "c9e8c047-2a74-40a2-b28a-b162d5f5327c",
        }));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteIpFilter>());
    }

    /// <summary>An invoke activity as Teams sends it (docs/teams-channel.md).</summary>
    public static JsonObject Invoke(string name, JsonObject value, string user, string conversationId = "a:personal-chat",
        string conversationType = "personal", string channelId = "msteams", string? id = null) => new()
        {
            ["type"] = "invoke",
            ["name"] = name,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:" + user, ["name"] = "Megan Bowen", ["aadObjectId"] = user },
            ["recipient"] = new JsonObject { ["id"] = "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", ["name"] = "AI Policy Helper" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" }, ["source"] = new JsonObject { ["name"] = "compose" } },
            ["locale"] = "en-GB",
            ["value"] = value,
        };

    public async Task<(int Status, JsonNode? Body)> PostAsync(JsonObject activity)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
