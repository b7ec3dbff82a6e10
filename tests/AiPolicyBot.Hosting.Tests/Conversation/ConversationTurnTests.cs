using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Hosts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AiPolicyBot.Hosting.Tests.Conversation;

/// <summary>
/// Whole turns through POST /api/messages of the local host (Development, local unauthenticated mode from loopback),
/// with the real composition, Azurite storage and a recording connector: what a person in the Playground would see.
/// </summary>
public sealed class ConversationTurnTests : IClassFixture<ConversationTurnTests.Host>
{
    private readonly Host _host;

    public ConversationTurnTests(Host host) => _host = host;

    public sealed class Host : WebApplicationFactory<WebHostProgram>
    {
        public ConcurrentQueue<Activity> Replies { get; } = new();
        public Mock<IConnectorClient> Connector { get; } = new();

        public Host()
        {
            Connector.Setup(c => c.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
                .Callback((string _, string _, string _, Activity a, CancellationToken _) => Replies.Enqueue(a))
                .ReturnsAsync(new ResourceResponse("r1"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocal"] = "true",
                ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
                ["Storage:TablePrefix"] = "Turn" + Guid.NewGuid().ToString("N")[..10],
            }));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Connector.Object);
                services.AddSingleton(Mock.Of<IConversationReferenceStore>());
                services.AddSingleton<IStartupFilter, RemoteIpFilter>(); // from loopback
            });
        }
    }

    private static string Activity(string type, string? text = null, string? name = null, object? value = null, string user = "00000000-0000-0000-0000-0000000000a1") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["name"] = name,
            ["channelId"] = "msteams",
            ["serviceUrl"] = "http://localhost:27050/",
            ["from"] = new { id = "29:user-1", name = "Megan Bowen", aadObjectId = user },
            ["recipient"] = new { id = "28:bot", name = "AiPolicyBot" },
            ["conversation"] = new { id = "a:turn-tests", conversationType = "personal" },
            ["text"] = text,
            ["value"] = value,
        }.Where(kv => kv.Value is not null).ToDictionary());

    private async Task<JsonObject> AskAsync(string text)
    {
        var before = _host.Replies.Count;
        using var response = await _host.CreateClient().PostAsync("/api/messages", new StringContent(Activity("message", text), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, _host.Replies.Count);
        var reply = _host.Replies.ToArray()[^1];
        return JsonSerializer.SerializeToNode(reply.Attachments!.Single().Content, AiPolicyBot.Common.AiPolicyJson.Options)!.AsObject();
    }

    private static string Strings(JsonNode? n) => n switch
    {
        JsonObject o => string.Join("\n", o.Select(kv => Strings(kv.Value))),
        JsonArray a => string.Join("\n", a.Select(Strings)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    [Fact]
    public async Task Can_I_use_chat_gtp_for_lesson_plans_gets_the_ChatGPT_card_approved_without_personal_data()
    {
        var card = await AskAsync("can I use chat gtp for lesson plans?");
        var text = Strings(card);
        Assert.Equal("ChatGPT", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Yes, you can use it for this", text);
        Assert.Contains("Approved without personal data", text);
        Assert.Contains("No personal or commercially sensitive data may be entered.", text);
    }

    [Fact]
    public async Task Reports_with_pupil_names_are_not_allowed_and_a_request_is_offered()
    {
        var card = await AskAsync("can I use chatgpt to write reports with pupil names?");
        var text = Strings(card);
        Assert.Contains("this use is NOT allowed", text);
        var offer = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Request this new use")!;
        Assert.Equal("startRequest", offer["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_wizard_submits_through_the_invoke_and_a_retried_invoke_returns_the_same_reference()
    {
        var client = _host.CreateClient();
        var data = new Dictionary<string, object>
        {
            ["sessionId"] = Guid.NewGuid().ToString("N"),
            ["page"] = 3,
            ["answers"] = new Dictionary<string, string>
            {
                ["toolName"] = "Perplexity",
                ["requestType"] = "newTool",
                ["edition"] = "freeConsumer",
                ["accessMode"] = "webBrowser",
                ["purpose"] = "Find sources for Year 10 geography lessons",
                ["useCategory"] = "lessonPlanning",
                ["academyId"] = "oakfield",
                ["role"] = "teacher",
                ["users"] = "staff",
                ["outputUse"] = "ideas",
            },
            ["dataCategories"] = "none",
            ["vendorTrainsOnInputs"] = "unknown",
            ["declNoDataYet"] = "true",
            ["declReadPolicy"] = "true",
        };
        var value = new { action = new { type = "Action.Execute", verb = "submitRequest", data } };
        async Task<JsonObject> Invoke()
        {
            using var r = await client.PostAsync("/api/messages", new StringContent(Activity("invoke", name: "adaptiveCard/action", value: value), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (JsonObject)JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        }
        var first = await Invoke();
        var second = await Invoke();
        Assert.Equal(200, first["statusCode"]!.GetValue<int>());
        var heading = first["value"]!["body"]![0]!["text"]!.GetValue<string>();
        Assert.Matches(@"^Request AIP-\d{4}-\d{4}: Perplexity$", heading);
        Assert.Equal(heading, second["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Needs your academy leader's approval", Strings(first));
    }
}
