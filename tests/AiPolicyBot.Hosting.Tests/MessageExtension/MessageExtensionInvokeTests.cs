using System.Text.Json.Nodes;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using Microsoft.Extensions.DependencyInjection;
using static AiPolicyBot.Hosting.Tests.MessageExtension.MessageExtensionHost;

namespace AiPolicyBot.Hosting.Tests.MessageExtension;

/// <summary>
/// Contract tests of every composeExtension invoke through POST /api/messages on the real composition (Azurite):
/// the exact JSON shapes of docs/teams-channel.md, idempotent submitAction, validation, message
/// actions and the Outlook channel ids.
/// </summary>
public sealed class MessageExtensionInvokeTests(MessageExtensionHost host) : IClassFixture<MessageExtensionHost>
{
    private static string NewUser() => Guid.NewGuid().ToString();

    private static JsonObject Query(string text, int skip = 0, int count = 10) => new()
    {
        ["commandId"] = "searchTools",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchQuery", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
    };

    private static JsonObject Action(string commandId, string context = "compose", JsonObject? data = null, string? messageHtml = null)
    {
        var value = new JsonObject { ["commandId"] = commandId, ["commandContext"] = context, ["context"] = new JsonObject { ["theme"] = "default" } };
        if (data is not null) value["data"] = data;
        if (messageHtml is not null)
            value["messagePayload"] = new JsonObject
            {
                ["id"] = "1700000000000",
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = messageHtml },
                ["linkToMessage"] = "https://teams.microsoft.com/l/message/19:x/1700000000000",
            };
        return value;
    }

    private static string[] Keys(JsonNode? node) => node!.AsObject().Select(kv => kv.Key).Order().ToArray();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(kv => Descendants(kv.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    private static JsonObject DialogCard(JsonNode? body)
    {
        Assert.Equal(["task"], Keys(body));
        Assert.Equal("continue", (string)body!["task"]!["type"]!);
        var info = body["task"]!["value"]!;
        Assert.Equal(["card", "height", "title", "width"], Keys(info));
        Assert.Equal(["content", "contentType"], Keys(info["card"]));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)info["card"]!["contentType"]!);
        var card = info["card"]!["content"]!.AsObject();
        Assert.Equal("AdaptiveCard", (string)card["type"]!);
        Assert.Equal("1.5", (string)card["version"]!);
        return card;
    }

    private static JsonObject Input(JsonObject card, string id) =>
        Descendants(card).Single(o => (string?)o["id"] == id && ((string?)o["type"])?.StartsWith("Input.") == true);

    private static IEnumerable<string> Texts(JsonObject card) =>
        Descendants(card).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!);

    /// <summary>A complete, valid intake as the one-page form submits it (strings, multi-selects comma-separated).</summary>
    private static JsonObject ValidForm(string sessionId, string toolName = "Perplexity") => new()
    {
        ["msgextAction"] = "submitRequest",
        ["sessionId"] = sessionId,
        ["toolName"] = toolName,
        ["requestType"] = "newTool",
        ["edition"] = "freeConsumer",
        ["accessMode"] = "webBrowser",
        ["purpose"] = "Summarise published research articles for Year 12 history lessons.",
        ["useCategory"] = "lessonPlanning",
        ["academyId"] = "trust",
        ["role"] = "teacher",
        ["users"] = "staff",
        ["outputUse"] = "draftsEdited",
        ["dataCategories"] = "none",
        ["vendorTrainsOnInputs"] = "unknown",
        ["declNoDataYet"] = "true",
        ["declReadPolicy"] = "true",
        ["youngestYearGroup"] = "",
        ["vendorMinAge"] = "",
    };

    [Fact]
    public async Task Search_answers_with_a_list_of_adaptive_cards_with_thumbnail_previews_spec_3_7()
    {
        var (status, body) = await host.PostAsync(Invoke("composeExtension/query", Query("chat gtp"), NewUser()));
        Assert.Equal(200, status);
        Assert.Equal(["composeExtension"], Keys(body));
        var result = body!["composeExtension"]!;
        Assert.Equal(["attachmentLayout", "attachments", "type"], Keys(result));
        Assert.Equal("result", (string)result["type"]!);
        Assert.Equal("list", (string)result["attachmentLayout"]!);
        var attachments = result["attachments"]!.AsArray();
        Assert.NotEmpty(attachments);
        var chatGpt = DemoRegister.Entries.Single(e => e.Id == "chatgpt-free");
        Assert.Equal(chatGpt.Name, (string)attachments[0]!["preview"]!["content"]!["title"]!);
        foreach (var a in attachments)
        {
            Assert.Equal(["content", "contentType", "preview"], Keys(a));
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string)a!["contentType"]!);
            Assert.Equal("AdaptiveCard", (string)a["content"]!["type"]!);
            Assert.Equal("application/vnd.microsoft.card.thumbnail", (string)a["preview"]!["contentType"]!);
            Assert.Equal(["text", "title"], Keys(a["preview"]!["content"]));
            // The inserted card is read-only: its only action is an openUrl deep link (Outlook runs nothing else).
            var actions = Descendants(a["content"]).Where(o => ((string?)o["type"])?.StartsWith("Action.") == true).ToList();
            Assert.Single(actions);
            Assert.Equal("Action.OpenUrl", (string)actions[0]["type"]!);
            Assert.StartsWith("https://teams.microsoft.com/l/chat/0/0?users=28%3Ac9e8c047-2a74-40a2-b28a-b162d5f5327c&message=", (string)actions[0]["url"]!);
        }
    }

    [Theory]
    [InlineData("outlook")]
    [InlineData("m365extensions")]
    public async Task Outlook_channel_ids_are_served_for_message_extension_invokes_only(string channelId)
    {
        var (status, body) = await host.PostAsync(Invoke("composeExtension/query", Query("canva"), NewUser(), channelId: channelId));
        Assert.Equal(200, status);
        Assert.Equal("result", (string)body!["composeExtension"]!["type"]!);

        var message = Invoke("composeExtension/query", Query("canva"), NewUser(), channelId: channelId);
        message["type"] = "message";
        message.Remove("name");
        message["text"] = "can I use canva?";
        Assert.Equal(401, (await host.PostAsync(message)).Status);
    }

    [Fact]
    public async Task Search_without_a_match_answers_with_a_plain_message_spec_3_7()
    {
        var (status, body) = await host.PostAsync(Invoke("composeExtension/query", Query("zzqxv"), NewUser()));
        Assert.Equal(200, status);
        Assert.Equal(["composeExtension"], Keys(body));
        Assert.Equal(["text", "type"], Keys(body!["composeExtension"]));
        Assert.Equal("message", (string)body["composeExtension"]!["type"]!);
        Assert.Contains("zzqxv", (string)body["composeExtension"]!["text"]!);
    }

    [Fact]
    public async Task Initial_run_lists_tools_and_pages_with_skip_and_count()
    {
        var initial = new JsonObject
        {
            ["commandId"] = "searchTools",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 4 },
        };
        var (status, first) = await host.PostAsync(Invoke("composeExtension/query", initial.DeepClone().AsObject(), NewUser()));
        Assert.Equal(200, status);
        Assert.Equal(4, first!["composeExtension"]!["attachments"]!.AsArray().Count);
        initial["queryOptions"]!["skip"] = 4;
        var (_, second) = await host.PostAsync(Invoke("composeExtension/query", initial.DeepClone().AsObject(), NewUser()));
        var titles = (JsonNode? b) => b!["composeExtension"]!["attachments"]!.AsArray().Select(a => (string)a!["preview"]!["content"]!["title"]!).ToList();
        Assert.Empty(titles(first).Intersect(titles(second)));
    }

    [Fact]
    public async Task Malformed_invokes_are_400_naming_the_fields()
    {
        var bad = Query("x");
        bad["queryOptions"] = new JsonObject { ["skip"] = -1, ["count"] = "ten" };
        var (status, body) = await host.PostAsync(Invoke("composeExtension/query", bad, NewUser()));
        Assert.Equal(400, status);
        var fields = body!["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToList();
        Assert.Contains("value.queryOptions.skip", fields);
        Assert.Contains("value.queryOptions.count", fields);

        (status, body) = await host.PostAsync(Invoke("composeExtension/fetchTask", Action("noSuchCommand"), NewUser()));
        Assert.Equal(400, status);
        Assert.Equal("value.commandId", (string)body!["errors"]![0]!["field"]!);

        (status, body) = await host.PostAsync(Invoke("composeExtension/fetchTask", Action("checkMessage", "message"), NewUser()));
        Assert.Equal(400, status);
        Assert.Equal("value.messagePayload", (string)body!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task FetchTask_requestApproval_opens_the_request_form_in_a_dialog_spec_3_9()
    {
        var (status, body) = await host.PostAsync(Invoke("composeExtension/fetchTask", Action("requestApproval"), NewUser()));
        Assert.Equal(200, status);
        var card = DialogCard(body);
        Assert.Equal("Request approval for an AI tool", (string)body!["task"]!["value"]!["title"]!);
        foreach (var field in new[] { "toolName", "requestType", "purpose", "academyId", "users", "dataCategories", "declReadPolicy" })
            Input(card, field);
        var submit = Assert.Single(card["actions"]!.AsArray());
        Assert.Equal("Action.Submit", (string)submit!["type"]!);
        Assert.Equal("submitRequest", (string)submit["data"]!["msgextAction"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)submit["data"]!["sessionId"]!);
    }

    [Fact]
    public async Task SubmitAction_with_errors_shows_the_form_again_with_the_messages_and_the_answers_spec_3_10()
    {
        var user = NewUser();
        var data = ValidForm(Guid.NewGuid().ToString("N"));
        data["purpose"] = "short";
        data["academyId"] = "";
        var (status, body) = await host.PostAsync(Invoke("composeExtension/submitAction", Action("requestApproval", data: data), user));
        Assert.Equal(200, status);
        var card = DialogCard(body);
        var texts = Texts(card).ToList();
        Assert.Contains(texts, t => t.StartsWith("Please check these answers"));
        Assert.Contains(texts, t => t.StartsWith("- What will you use it for?:"));
        Assert.Contains(texts, t => t.StartsWith("- Your academy:"));
        Assert.Equal("short", (string)Input(card, "purpose")["value"]!);
        Assert.Equal("Perplexity", (string)Input(card, "toolName")["value"]!);
        Assert.Equal((string)data["sessionId"]!, (string)card["actions"]![0]!["data"]!["sessionId"]!);
        Assert.Empty(await Requests().ListByRequesterAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task SubmitAction_retried_by_Teams_creates_one_request_and_both_answers_confirm_it()
    {
        var user = NewUser();
        var session = Guid.NewGuid().ToString("N");
        var activityId = Guid.NewGuid().ToString("N");
        var submit = () => host.PostAsync(Invoke("composeExtension/submitAction", Action("requestApproval", data: ValidForm(session)), user, id: activityId));

        // Teams retries a slow submitAction while the first may still be running: two at once, then a late third.
        var both = await Task.WhenAll(submit(), submit());
        var third = await submit();

        var references = new List<string>();
        foreach (var (status, body) in both.Append(third))
        {
            Assert.Equal(200, status);
            var card = DialogCard(body);
            Assert.Equal("Request submitted", (string)body!["task"]!["value"]!["title"]!);
            var reference = Texts(card).First();
            references.Add(reference);
            Assert.Equal(["Action.OpenUrl"], Descendants(card).Select(o => (string?)o["type"]).OfType<string>().Where(t => t.StartsWith("Action.")).ToArray());
        }
        Assert.Single(references.Distinct());
        var stored = await Requests().ListByRequesterAsync(user, CancellationToken.None);
        var request = Assert.Single(stored).Value;
        Assert.Equal("messageExtension", request.Source);
        Assert.Equal("me:" + session, request.SubmissionId);
        Assert.Contains(request.Reference, references[0]);

        // A new form (new session) is a new request.
        var (_, again) = await host.PostAsync(Invoke("composeExtension/submitAction", Action("requestApproval", data: ValidForm(Guid.NewGuid().ToString("N"))), user));
        DialogCard(again);
        Assert.Equal(2, (await Requests().ListByRequesterAsync(user, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CheckMessage_finds_every_tool_the_message_mentions_and_shows_its_status()
    {
        const string html = "<div><p>Is <b>Copilot</b> OK for lesson plans, or should I stick to <i>Canva</i>?</p>" +
                            "<p>Someone said chat gtp&nbsp;is fine. What about Google Bard?</p></div>";
        var (status, body) = await host.PostAsync(Invoke("composeExtension/fetchTask", Action("checkMessage", "message", messageHtml: html), NewUser()));
        Assert.Equal(200, status);
        var card = DialogCard(body);
        var texts = Texts(card).ToList();
        Assert.Contains(texts, t => t.Contains("mentions 4 tools"));
        foreach (var id in new[] { "chatgpt-free", "gemini-consumer" })
        {
            var name = AiPolicyBot.Teams.Cards.CardText.Escape(DemoRegister.Entries.Single(e => e.Id == id).Name);
            Assert.Contains(name, texts);
        }
        var buttons = Descendants(card).Where(o => (string?)o["type"] == "Action.Submit").ToList();
        Assert.Equal(4, buttons.Count);
    }

    [Fact]
    public async Task CheckMessage_button_opens_the_form_prefilled_with_that_tool()
    {
        var data = new JsonObject { ["msgextAction"] = "openRequestForm", ["toolId"] = "chatgpt-free", ["requestType"] = "newUse" };
        var (status, body) = await host.PostAsync(Invoke("composeExtension/submitAction",
            Action("checkMessage", "message", data, "<p>Can I use ChatGPT to write reports?</p>"), NewUser()));
        Assert.Equal(200, status);
        var card = DialogCard(body);
        Assert.Equal(DemoRegister.Entries.Single(e => e.Id == "chatgpt-free").Name, (string)Input(card, "toolName")["value"]!);
        Assert.Equal("newUse", (string)Input(card, "requestType")["value"]!);
        Assert.Equal("Can I use ChatGPT to write reports?", (string)Input(card, "purpose")["value"]!);
    }

    [Fact]
    public async Task RequestFromMessage_opens_the_form_with_the_purpose_and_the_tool_from_the_message()
    {
        const string text = "Could we use Perplexity to summarise research articles for Year 12 history lessons?";
        var (status, body) = await host.PostAsync(Invoke("composeExtension/fetchTask", Action("requestFromMessage", "message", messageHtml: $"<p>{text}</p>"), NewUser()));
        Assert.Equal(200, status);
        var card = DialogCard(body);
        Assert.Equal(text, (string)Input(card, "purpose")["value"]!);
        Assert.Equal("Perplexity", (string)Input(card, "toolName")["value"]!);
    }

    private IRequestStore Requests() => host.Services.GetRequiredService<IRequestStore>();
}
