using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.MessageExtension;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Tests.Cards;
using AiPolicyBot.Testing.Requests;
using static AiPolicyBot.Teams.Tests.MessageExtension.MessageExtensionSamples;

namespace AiPolicyBot.Teams.Tests.MessageExtension;

/// <summary>Every message-extension card through the official validator and the shape rules; inserted cards are Outlook-safe.</summary>
public class MessageExtensionCardsTests
{
    private static readonly RegisterSnapshot Demo = new(DemoRegister.Entries);
    private static readonly IReadOnlyList<WizardPage> Pages =
        WizardQuestions.Pages([("oakfield", "Oakfield Academy"), ("trust", "Central Trust team")]);

    private static string Link(string tool) => Links().AskAbout(tool);

    [Fact]
    public async Task Every_card_passes_the_official_validator_and_the_shape_rules()
    {
        var cards = new List<(string, AdaptiveCard)>();
        foreach (var e in Demo.Entries) cards.Add(($"tool status {e.Id}", ToolStatusCard.Build(e, Today, Link(e.Name))));
        cards.Add(("tool status, hostile register text", ToolStatusCard.Build(Hostile(), Today, Link("x"))));
        var state = WizardState.Start(new Dictionary<string, string> { ["toolName"] = "Perplexity", ["purpose"] = "**bold** {{DATE(2026-01-01)}}" });
        cards.Add(("request form", RequestFormCard.Build(Pages, state, note: "From the message: Perplexity")));
        cards.Add(("request form with errors", RequestFormCard.Build(Pages, state, [new FieldError("purpose", "must be at least 10 characters"), new FieldError("academyId", "is required")])));
        var found = Demo.Search.FindAllInText("Can I use Copilot, Canva Magic Write or chat gtp with my Y9s? Not Bard.");
        cards.Add(("message tools", MessageToolsCard.Build(found, null, Today)));
        cards.Add(("message tools, none found", MessageToolsCard.Build([], "Perplexity", Today)));
        cards.Add(("just-in-time install", JustInTimeInstallCard.Build()));
        cards.Add(("request submitted", RequestSubmittedCard.Build(Submitted(), Links().WithMessage("my requests"))));

        foreach (var (name, card) in cards)
        {
            var problems = CardShape.Problems(card.ToJsonObject());
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
        }
        await CardValidator.AssertAllValidAsync(cards);
    }

    [Fact]
    public void Inserted_tool_cards_have_only_one_action_and_it_is_an_openUrl_deep_link_to_the_bot()
    {
        foreach (var e in Demo.Entries)
        {
            var json = ToolStatusCard.Build(e, Today, Link(e.Name)).ToJsonObject();
            var actionTypes = AllActionTypes(json).ToList();
            Assert.Equal(["Action.OpenUrl"], actionTypes);
            var url = (string)json["actions"]![0]!["url"]!;
            Assert.StartsWith($"https://teams.microsoft.com/l/chat/0/0?users=28%3A{BotId}&message=", url);
            Assert.Contains(Uri.EscapeDataString($"can I use {e.Name}?"), url);
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out _), url);
        }
    }

    [Fact]
    public void The_deep_link_base_is_configurable()
    {
        var url = Links("https://teams.microsoft.us/l/chat/0/0").AskAbout("Canva");
        Assert.StartsWith("https://teams.microsoft.us/l/chat/0/0?users=", url);
    }

    [Fact]
    public void Tool_status_says_the_status_in_words_and_a_lapsed_review_is_not_approved()
    {
        var approved = Demo.Entries.First(e => e.Status == RegisterStatus.Approved && !(e.ReviewBy < Today));
        var text = ToolStatusCard.Build(approved, Today, Link(approved.Name)).ToJson();
        Assert.Contains("Approved", text);
        Assert.Equal(approved.Name, ToolStatusCard.Preview(approved, Today).Title);

        var lapsed = approved with { ReviewBy = Today.AddDays(-1) };
        Assert.Equal("Approval due for review: not approved at the moment", ToolStatusCard.Preview(lapsed, Today).Text);
        var declined = approved with { Status = RegisterStatus.Declined, DecisionReason = "Trains on inputs." };
        Assert.Equal("Declined: do not use", ToolStatusCard.Preview(declined, Today).Text);
        Assert.Contains("Trains on inputs", ToolStatusCard.Build(declined, Today, Link("x")).ToJson());
    }

    [Fact]
    public void Register_text_is_escaped_on_the_inserted_card()
    {
        // Markdown-rendered places (TextBlock text, fact titles and values) must carry the escaped text only;
        // fallbackText is not Markdown and only has its template braces broken.
        var card = ToolStatusCard.Build(Hostile(), Today, Link("x")).ToJsonObject();
        var markdown = Descendants(card).OfType<JsonObject>()
            .SelectMany(o => (string?)o["type"] == "TextBlock" ? [(string)o["text"]!]
                : o.ContainsKey("title") && o.ContainsKey("value") && o.Count == 2 ? new[] { (string)o["title"]!, (string)o["value"]! } : [])
            .ToList();
        Assert.Contains(markdown, t => t.Contains(@"\[click\]\(https://evil.example\)"));
        Assert.DoesNotContain(markdown, t => t.Contains("[click](") || t.Contains("<b>") || t.Contains("{{"));
        Assert.DoesNotContain("{{", (string)card["fallbackText"]!);
    }

    [Fact]
    public void The_form_asks_every_wizard_question_on_one_page_and_submits_with_Action_Submit_and_the_session()
    {
        var state = WizardState.Start(new Dictionary<string, string> { ["toolName"] = "Perplexity" });
        var json = RequestFormCard.Build(Pages, state).ToJsonObject();
        var inputIds = Descendants(json).OfType<JsonObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.") == true)
            .Select(o => (string)o["id"]!).ToHashSet();
        foreach (var q in Pages.SelectMany(p => p.Questions)) Assert.Contains(q.Field, inputIds);
        Assert.Equal(["Action.Submit"], AllActionTypes(json));
        Assert.Equal(state.SessionId, (string)json["actions"]![0]!["data"]!["sessionId"]!);
        Assert.Equal(RequestFormCard.SubmitRequest, (string)json["actions"]![0]!["data"]!["msgextAction"]!);
        Assert.Equal("Perplexity", (string)Input(json, "toolName")["value"]!);
        // Learners questions cannot be required on a single page (staff-only requests leave them empty).
        Assert.Null(Input(json, "youngestYearGroup")["isRequired"]);
        Assert.True((bool)Input(json, "purpose")["isRequired"]!);
    }

    [Fact]
    public void The_form_with_errors_names_each_field_and_keeps_what_was_typed()
    {
        var state = WizardState.Start(new Dictionary<string, string> { ["toolName"] = "Perplexity", ["purpose"] = "short" });
        var json = RequestFormCard.Build(Pages, state, [new FieldError("purpose", "must be at least 10 characters")]).ToJson();
        Assert.Contains("Please check these answers", json);
        Assert.Contains("What will you use it for?: must be at least 10 characters", json);
        Assert.Contains("Please fix: must be at least 10 characters", json);
        Assert.Contains("\"value\":\"short\"", json);
    }

    [Fact]
    public void Message_tools_card_lists_each_tool_with_its_status_and_a_request_button()
    {
        var found = Demo.Search.FindAllInText("Is Copilot OK, or should I stick to Canva? Someone said chat gtp is fine.");
        Assert.True(found.Count >= 3, string.Join(", ", found.Select(f => f.Entry!.Id)));
        var json = MessageToolsCard.Build(found, null, Today).ToJsonObject();
        var texts = Descendants(json).OfType<JsonObject>().Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!).ToList();
        foreach (var f in found)
        {
            Assert.Contains(AiPolicyBot.Teams.Cards.CardText.Escape(f.Entry!.Name), texts);
            Assert.Contains(AiPolicyBot.Teams.Cards.CardText.Escape(ToolStatusWords.Short(ToolStatusWords.Assess(f.Entry, Today))), texts);
        }
        var buttons = Descendants(json).OfType<JsonObject>().Where(o => (string?)o["type"] == "Action.Submit").ToList();
        Assert.Equal(found.Count, buttons.Count);
        Assert.All(buttons, b => Assert.Equal(MessageToolsCard.OpenRequestForm, (string)b["data"]!["msgextAction"]!));
    }

    [Fact]
    public void Just_in_time_install_card_submits_msteams_justInTimeInstall_true()
    {
        var json = JustInTimeInstallCard.Build().ToJsonObject();
        var action = json["actions"]![0]!;
        Assert.Equal("Action.Submit", (string)action["type"]!);
        Assert.True((bool)action["data"]!["msteams"]!["justInTimeInstall"]!);
    }

    [Fact]
    public void Submitted_card_has_no_Action_Execute_because_dialogs_cannot_run_it()
    {
        var json = RequestSubmittedCard.Build(Submitted(), Links().WithMessage("my requests")).ToJsonObject();
        Assert.Equal(["Action.OpenUrl"], AllActionTypes(json));
        Assert.Contains("AIP-2026-0042", json.ToJsonString());
    }

    private static RegisterEntry Hostile() => new()
    {
        Id = "hostile",
        Name = "**Chat**[click](https://evil.example) {{DATE(2026-01-01)}}",
        Vendor = "<b>Evil</b> & Co",
        Status = RegisterStatus.Approved,
        Description = "# Heading\n- item ${x}",
        Conditions = [ConditionCodes.NoPersonalOrSensitiveData],
    };

    /// <summary>Perplexity at Oakfield, waiting for the academy leader.</summary>
    private static ToolRequest Submitted() => RequestSamples.Request(intake: RequestSamples.Intake("Perplexity"), at: Now);

    private static JsonObject Input(JsonObject card, string id) =>
        Descendants(card).OfType<JsonObject>().Single(o => (string?)o["id"] == id && ((string?)o["type"])?.StartsWith("Input.") == true);

    internal static IEnumerable<string> AllActionTypes(JsonNode card) =>
        Descendants(card).OfType<JsonObject>().Select(o => (string?)o["type"]).OfType<string>().Where(t => t.StartsWith("Action."));

    internal static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o) foreach (var d in Descendants(child)) yield return d;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var d in Descendants(child)) yield return d;
                break;
        }
    }
}
