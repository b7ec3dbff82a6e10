using AiPolicyBot.Teams.Conversation.Staff;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Tests.Cards;
using static AiPolicyBot.Teams.Tests.Conversation.ConversationSamples;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>Every conversation card, filled with sample data, through the official validator, plus its JSON.</summary>
public sealed class ConversationCardsTests
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> Prefill = new() { ["toolName"] = "ChatGPT", ["purpose"] = "write reports with pupil names" };

    private static AdaptiveCard Answer(string id, UseQuestion? q = null, IReadOnlySet<string>? trained = null) =>
        ToolAnswerCard.Build(UseCheck.Assess(Entry(id), q ?? new UseQuestion(), trained ?? None, Today), "can I use it?", Prefill);

    public static IEnumerable<(string Name, AdaptiveCard Card)> AllCards()
    {
        yield return ("answer: approved without personal data", Answer("chatgpt-free"));
        yield return ("answer: not for this use (personal data)", Answer("chatgpt-free", new UseQuestion(PersonalData: true)));
        yield return ("answer: training needed", Answer("teachermatic"));
        yield return ("answer: trained", Answer("teachermatic", trained: new HashSet<string> { "teachermatic" }));
        yield return ("answer: under review", Answer("claude-free"));
        yield return ("answer: not assessed", Answer("gemini-consumer"));
        yield return ("answer: declined", Answer("grammarly-ext"));
        yield return ("answer: retired", Answer("midjourney"));
        yield return ("answer: learners too young", Answer("canva-magic", new UseQuestion(LearnersUse: true, YoungestYearGroup: YearGroup.Y5)));
        yield return ("unknown tool", UnknownToolCard.Build("Perplexity", "Is Perplexity approved?", WizardState.Start(Prefill), Pages));
        yield return ("no tool named", UnknownToolCard.Build(null, "can I use AI for reports?", WizardState.Start(new Dictionary<string, string>()), Pages));
        foreach (var (page, i) in Pages.Select((p, i) => (p, i)))
        {
            var state = new WizardState("s1", i, new Dictionary<string, string> { ["users"] = "staffAndLearners", ["toolName"] = "Gamma" });
            yield return ($"wizard page {page.Id}", RequestWizardCard.Build(state, Pages));
        }
        yield return ("wizard with errors", RequestWizardCard.Build(new WizardState("s1", 1, new Dictionary<string, string> { ["purpose"] = "short" }), Pages,
            [new FieldError("purpose", "must be 10–2000 characters"), new FieldError("useCategory", "is required")]));
        foreach (var tier in Enum.GetValues<Tier>())
            yield return ($"outcome {tier}", RequestOutcomeCard.Build(Request(tier), trainingStillNeeded: tier == Tier.AlreadyApproved));
        yield return ("my requests", MyRequestsCard.Build([Request(Tier.TrustApproval), Request(Tier.Prohibited, state: RequestState.Closed) with { Reference = "AIP-2026-0041" }], "AIP-2026-0041"));
        yield return ("my requests empty", MyRequestsCard.Build([]));
        var filter = new ApprovedToolsCard.Filter(UseCategory.LessonPlanning);
        yield return ("approved tools", ApprovedToolsCard.Build(ApprovedToolsCard.Select(ConversationSamples.Register, filter, Today), filter));
        yield return ("approved tools none", ApprovedToolsCard.Build([], new ApprovedToolsCard.Filter(PersonalData: true, Learners: true)));
        yield return ("help", HelpCard.Build(welcome: false));
        yield return ("welcome", HelpCard.Build(welcome: true));
        yield return ("training recorded", TrainingCards.Recorded(Entry("teachermatic"), new Training.TrainingRecord("u", "teachermatic", DateTimeOffset.UnixEpoch, "2024-07")));
        yield return ("training which tool", TrainingCards.WhichTool([Entry("m365-copilot-chat"), Entry("teachermatic")]));
    }

    [Fact]
    public async Task Every_card_passes_the_official_validator_and_the_shape_checks()
    {
        var cards = AllCards().ToList();
        foreach (var (name, card) in cards)
        {
            var problems = CardShape.Problems(card.ToJsonObject());
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
        }
        await CardValidator.AssertAllValidAsync(cards);
    }

    /// <summary>Every string in the card, unescaped (the serializer escapes apostrophes as \u0027).</summary>
    private static string AllText(AdaptiveCard card) => AllText(card.ToJsonObject());

    private static string AllText(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(kv => AllText(kv.Value))),
        JsonArray a => string.Join("\n", a.Select(AllText)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    [Fact]
    public void Personal_data_with_a_no_personal_data_tool_says_not_allowed_and_offers_a_new_use_request()
    {
        var json = Answer("chatgpt-free", new UseQuestion(PersonalData: true)).ToJsonObject();
        var text = AllText(json);
        Assert.Contains("this use is NOT allowed", text);
        var actions = json["actions"]!.AsArray();
        var request = actions.Single(a => a!["verb"]!.GetValue<string>() == StartRequestAction.VerbName);
        Assert.Equal("Request this new use", request!["title"]!.GetValue<string>());
        Assert.Equal("newUse", request["data"]!["prefill"]!["requestType"]!.GetValue<string>());
    }

    [Fact]
    public void Approved_without_personal_data_says_so_with_conditions_policy_and_review_date()
    {
        var text = AllText(Answer("chatgpt-free"));
        Assert.Contains("Yes, you can use it for this", text);
        Assert.Contains("Approved without personal data", text);
        Assert.Contains("No personal or commercially sensitive data may be entered.", text);
        Assert.Contains("Trust AI policy 3.1", text);
        Assert.Contains("31 July 2027", text);
        Assert.Contains("Staff only", text);
    }

    [Fact]
    public void Training_is_offered_until_recorded()
    {
        var needed = Answer("teachermatic").ToJsonObject();
        Assert.Contains(needed["actions"]!.AsArray(), a => a!["verb"]!.GetValue<string>() == RecordTrainingAction.VerbName);
        Assert.Contains("once you've completed the training", AllText(needed));
        var done = Answer("teachermatic", trained: new HashSet<string> { "teachermatic" }).ToJsonObject();
        Assert.DoesNotContain(done["actions"]!.AsArray(), a => a!["verb"]!.GetValue<string>() == RecordTrainingAction.VerbName);
        Assert.Contains("Completed (recorded)", AllText(done));
    }

    [Fact]
    public void Expired_training_asks_to_retrain_and_links_the_tools_training()
    {
        var entry = Entry("teachermatic") with { TrainingUrl = "https://learn.trust.example/teachermatic" };
        var assessment = UseCheck.Assess(entry, new UseQuestion(), None, Today) with { TrainingExpired = true };
        var json = ToolAnswerCard.Build(assessment, "can I use it?", Prefill).ToJsonObject();
        Assert.Contains("once you've retrained", AllText(json));
        Assert.Contains("Expired: complete it again", AllText(json));
        var link = json["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.OpenUrl")!;
        Assert.Equal("https://learn.trust.example/teachermatic", (string?)link["url"]);
        Assert.Contains(json["actions"]!.AsArray(), a => (string?)a!["verb"] == RecordTrainingAction.VerbName);
    }

    [Fact]
    public void Declined_tool_shows_the_reason_and_a_re_review()
    {
        var json = Answer("grammarly-ext").ToJsonObject();
        Assert.Contains("reads everything typed in the browser", AllText(json));
        var reReview = json["actions"]!.AsArray().Single(a => a!["verb"]!.GetValue<string>() == StartRequestAction.VerbName)!;
        Assert.Equal("renewal", reReview["data"]!["prefill"]!["requestType"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_tool_states_the_rule_and_carries_the_prefilled_form()
    {
        var json = UnknownToolCard.Build("Perplexity", "Is Perplexity approved?", WizardState.Start(new Dictionary<string, string> { ["toolName"] = "Perplexity" }), Pages).ToJsonObject();
        var text = AllText(json);
        Assert.Contains("Not assessed yet", text);
        Assert.Contains("policy 3.1", text);
        var form = json["actions"]![0]!["card"]!;
        var toolInput = form["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "toolName")!;
        Assert.Equal("Perplexity", toolInput["value"]!.GetValue<string>());
    }

    [Fact]
    public void Prohibited_outcome_explains_cites_and_suggests_a_change()
    {
        var text = AllText(RequestOutcomeCard.Build(Request(Tier.Prohibited, state: RequestState.Closed)));
        Assert.Contains("Not allowed under the Trust AI policy", text);
        Assert.Contains("policy 3.4", text);
        Assert.Contains("have a person review every output", text);
        Assert.Contains("AIP-2026-0042", text);
    }

    [Fact]
    public void Trust_outcome_names_the_deciders_and_the_next_step()
    {
        var text = AllText(RequestOutcomeCard.Build(Request(Tier.TrustApproval)));
        Assert.Contains("Chief Information Officer, Chief Data Officer and Data Protection Officer", text);
        Assert.Contains("A data processing agreement", text);
        Assert.Contains("I'll message you here when they decide", text);
    }

    [Fact]
    public void My_requests_lists_newest_first_with_states_in_words()
    {
        var older = Request(Tier.TrustApproval) with { Reference = "AIP-2026-0001", SubmittedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var newer = Request(Tier.Prohibited, state: RequestState.Closed) with { Reference = "AIP-2026-0002" };
        var text = AllText(MyRequestsCard.Build([older, newer]));
        Assert.True(text.IndexOf("AIP-2026-0002", StringComparison.Ordinal) < text.IndexOf("AIP-2026-0001", StringComparison.Ordinal));
        Assert.Contains("Waiting for a decision", text);
        Assert.Contains("Closed: answered by the policy or the register", text);
    }

    [Fact]
    public async Task Markdown_and_html_in_tool_name_and_purpose_are_escaped_everywhere()
    {
        var hostileEntry = Entry("chatgpt-free") with { Name = Hostile, Vendor = Hostile, DecisionReason = Hostile };
        var request = Request(Tier.TrustApproval, toolName: Hostile) with { Intake = Intake(Hostile, purpose: Hostile) };
        var cards = new List<(string, AdaptiveCard)>
        {
            ("answer", ToolAnswerCard.Build(UseCheck.Assess(hostileEntry, new UseQuestion(), None, Today), Hostile, new Dictionary<string, string> { ["toolName"] = Hostile })),
            ("declined", ToolAnswerCard.Build(UseCheck.Assess(hostileEntry with { Status = RegisterStatus.Declined }, new UseQuestion(), None, Today), Hostile, Prefill)),
            ("unknown", UnknownToolCard.Build(Hostile, Hostile, WizardState.Start(new Dictionary<string, string> { ["toolName"] = Hostile, ["purpose"] = Hostile }), Pages)),
            ("outcome", RequestOutcomeCard.Build(request)),
            ("my requests", MyRequestsCard.Build([request])),
            ("wizard", RequestWizardCard.Build(new WizardState("s", 0, new Dictionary<string, string> { ["toolName"] = Hostile }), Pages, [new FieldError("toolName", Hostile)])),
            ("training", TrainingCards.Recorded(hostileEntry, new Training.TrainingRecord("u", "x", DateTimeOffset.UnixEpoch, "v1"))),
        };
        foreach (var (name, card) in cards)
        {
            foreach (var text in MarkdownTexts(card.ToJsonObject()))
            {
                Assert.DoesNotContain("**Bold**", text);
                Assert.DoesNotContain("[click](", text);
                Assert.DoesNotContain("<b>", text);
                Assert.DoesNotContain("{{DATE", text);
                Assert.DoesNotContain("\n# Heading", text);
            }
            // Input values are not Markdown: shown exactly, only the date/template braces broken.
            foreach (var value in InputValues(card.ToJsonObject()))
            {
                Assert.DoesNotContain("{{", value);
                Assert.DoesNotContain("${", value);
            }
            Assert.Contains(@"\*\*Bold\*\*", AllText(card));
            _ = name;
        }
        await CardValidator.AssertAllValidAsync(cards);
    }

    private static IEnumerable<string> MarkdownTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var type = o["type"]?.GetValue<string>();
                if (type == "TextBlock" && o["text"] is JsonValue t) yield return t.GetValue<string>();
                if (o["title"] is JsonValue ti && o["value"] is JsonValue va && type is null) { yield return ti.GetValue<string>(); yield return va.GetValue<string>(); }
                foreach (var (_, child) in o) foreach (var s in MarkdownTexts(child)) yield return s;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var s in MarkdownTexts(child)) yield return s;
                break;
        }
    }

    private static IEnumerable<string> InputValues(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && o["value"] is JsonValue v)
                    yield return v.ToString();
                foreach (var (_, child) in o) foreach (var s in InputValues(child)) yield return s;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var s in InputValues(child)) yield return s;
                break;
        }
    }

    [Fact]
    public void Approved_tools_at_an_academy_leave_out_approvals_for_other_academies_only()
    {
        var register = new RegisterSnapshot(ConversationSamples.Register.Entries.Select(e =>
            e.Id == "chatgpt-free" ? e with { Scope = e.Scope with { Academies = ["riverside"] } } : e).ToList());
        string[] Names(string? academy) => ApprovedToolsCard.Select(register, new ApprovedToolsCard.Filter(Academy: academy), Today).Select(e => e.Id).ToArray();

        Assert.Contains("chatgpt-free", Names("riverside"));
        Assert.DoesNotContain("chatgpt-free", Names("kingsmoor"));
        Assert.DoesNotContain("chatgpt-free", Names("trust"));
        Assert.Contains("chatgpt-free", Names(null));
        Assert.Contains("m365-copilot-chat", Names("kingsmoor"));
    }
}
