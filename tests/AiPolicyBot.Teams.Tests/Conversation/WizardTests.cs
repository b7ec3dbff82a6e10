using System.Text.Json;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Tests.Cards;
using Moq;
using static AiPolicyBot.Teams.Tests.Conversation.ConversationHarness;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>The request wizard: pages, learners page only when needed, errors on the card with answers kept, submit.</summary>
public sealed class WizardTests
{
    private readonly ConversationHarness _h = new();

    private static Dictionary<string, object> Page0 => new()
    {
        ["sessionId"] = "abc123",
        ["page"] = 0,
        ["direction"] = "next",
        ["toolName"] = "Gamma",
        ["requestType"] = "newTool",
        ["edition"] = "freeConsumer",
        ["accessMode"] = "webBrowser",
    };

    private static JsonElement? Input(JsonElement card, string id) =>
        card.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("id", out var i) && i.GetString() == id).Cast<JsonElement?>().FirstOrDefault();

    private static string Texts(JsonElement card) => string.Join("\n", card.GetProperty("body").EnumerateArray()
        .SelectMany(e => e.TryGetProperty("items", out var items) ? items.EnumerateArray().Prepend(e) : [e])
        .Where(e => e.TryGetProperty("text", out _)).Select(e => e.GetProperty("text").GetString()));

    [Fact]
    public async Task Next_moves_on_when_the_page_is_valid_and_carries_the_answers()
    {
        var action = new WizardStepAction(_h.Conversation, _h.Submission);
        var card = CardOf(await action.HandleAsync(_h.Turn(), Action(WizardStepAction.VerbName, Page0), default));
        Assert.Contains("Step 2 of 3: How you'll use it", Texts(card));
        var next = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Next");
        Assert.Equal("Gamma", next.GetProperty("data").GetProperty("answers").GetProperty("toolName").GetString());
        Assert.Equal("abc123", next.GetProperty("data").GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task Errors_show_on_the_card_next_to_the_input_and_keep_what_was_typed()
    {
        var action = new WizardStepAction(_h.Conversation, _h.Submission);
        var data = new Dictionary<string, object>
        {
            ["sessionId"] = "abc123",
            ["page"] = 1,
            ["direction"] = "next",
            ["answers"] = new Dictionary<string, string> { ["toolName"] = "Gamma", ["requestType"] = "newTool", ["edition"] = "freeConsumer", ["accessMode"] = "webBrowser" },
            ["purpose"] = "slides",
            ["useCategory"] = "lessonPlanning",
            ["academyId"] = "nowhere",
            ["role"] = "teacher",
            ["users"] = "staff",
            ["outputUse"] = "draftsEdited",
        };
        var response = await action.HandleAsync(_h.Turn(), Action(WizardStepAction.VerbName, data), default);
        var card = CardOf(response);
        var texts = Texts(card);
        Assert.Contains("Step 2 of 3", texts);                       // same page
        Assert.Contains("Please check these answers", texts);
        Assert.Contains("Please fix:", texts);
        Assert.Contains("What will you use it for?", texts);         // the summary names the question, not the field id
        Assert.Equal("slides", Input(card, "purpose")!.Value.GetProperty("value").GetString());
        Assert.Equal("lessonPlanning", Input(card, "useCategory")!.Value.GetProperty("value").GetString());
        Assert.Equal("teacher", Input(card, "role")!.Value.GetProperty("value").GetString());
        // The invalid academy is reported too.
        Assert.Contains("academy", texts, StringComparison.OrdinalIgnoreCase);
        var results = await CardValidator.ValidateAsync([("wizard with errors", JsonSerializer.Serialize(response.Value, AiPolicyBot.Common.AiPolicyJson.Options))]);
        Assert.Empty(results[0].Errors);
    }

    [Fact]
    public void Learner_questions_appear_only_when_learners_use_the_tool()
    {
        var pages = _h.Conversation.Pages();
        var staff = new WizardState("s", 1, new Dictionary<string, string> { ["users"] = "staff" });
        var learners = staff with { Answers = new Dictionary<string, string> { ["users"] = "staffAndLearners" } };
        Assert.DoesNotContain(RequestWizardCard.VisiblePages(staff, pages), p => p.Id == "learners");
        Assert.Contains(RequestWizardCard.VisiblePages(learners, pages), p => p.Id == "learners");
        // And a staff-only intake drops learner answers left over from an earlier choice.
        var intake = (staff with { Answers = new Dictionary<string, string> { ["users"] = "staff", ["youngestYearGroup"] = "Y3" } }).ToIntakeJson();
        Assert.False(intake.TryGetProperty("youngestYearGroup", out _));
    }

    [Fact]
    public async Task Submit_with_missing_answers_returns_to_the_first_page_with_a_problem()
    {
        var action = new SubmitRequestAction(_h.Conversation, _h.Submission);
        var data = new Dictionary<string, object>
        {
            ["sessionId"] = "abc123",
            ["page"] = 3,
            ["answers"] = new Dictionary<string, string> { ["toolName"] = "Gamma", ["requestType"] = "newTool", ["edition"] = "freeConsumer", ["accessMode"] = "webBrowser", ["users"] = "staff" },
            ["dataCategories"] = "none",
            ["vendorTrainsOnInputs"] = "no",
            ["declNoDataYet"] = "true",
            ["declReadPolicy"] = "true",
        };
        var card = CardOf(await action.HandleAsync(_h.Turn(), Action(SubmitRequestAction.VerbName, data), default));
        Assert.Contains("Step 2 of 3", Texts(card));
        Assert.Contains("Please check these answers", Texts(card));
        _h.Requests.Verify(r => r.CreateAsync(It.IsAny<Requests.ToolRequest>(), It.IsAny<Requests.RequestEvent>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_complete_submit_shows_the_outcome_with_its_reference()
    {
        var action = new SubmitRequestAction(_h.Conversation, _h.Submission);
        var data = new Dictionary<string, object>
        {
            ["sessionId"] = "abc123",
            ["page"] = 3,
            ["answers"] = new Dictionary<string, string>
            {
                ["toolName"] = "Gamma",
                ["requestType"] = "newTool",
                ["edition"] = "freeConsumer",
                ["accessMode"] = "webBrowser",
                ["purpose"] = "Make slide decks for Year 9 history from my own notes",
                ["useCategory"] = "lessonPlanning",
                ["academyId"] = "oakfield",
                ["role"] = "teacher",
                ["users"] = "staff",
                ["outputUse"] = "draftsEdited",
            },
            ["dataCategories"] = "none",
            ["vendorTrainsOnInputs"] = "yes",
            ["declNoDataYet"] = "true",
            ["declReadPolicy"] = "true",
        };
        var card = CardOf(await action.HandleAsync(_h.Turn(), Action(SubmitRequestAction.VerbName, data), default));
        var texts = Texts(card);
        Assert.Contains("AIP-2026-0001", texts);
        Assert.Contains("Needs your academy leader's approval", texts);
        _h.Events.Verify(e => e.PublishAsync(It.Is<Requests.RequestEvent>(x => x.Reference == "AIP-2026-0001" && x.Kind == Requests.RequestEventKind.Submitted), "event-v1", It.IsAny<CancellationToken>()), Times.Once);
    }
}
