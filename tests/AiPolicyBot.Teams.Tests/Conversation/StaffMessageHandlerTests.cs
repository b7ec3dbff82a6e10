using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Tests.Support;
using AiPolicyBot.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>Each intent end to end through the message handler: what the person gets back, and the hot path's cost.</summary>
public sealed class StaffMessageHandlerTests
{
    private readonly ConversationHarness _h = new();
    private readonly InMemoryToolDemand _demand = new();
    private readonly StaffMessageHandler _handler;

    public StaffMessageHandlerTests()
    {
        var recorder = _h.Recorder;
        _handler = new StaffMessageHandler(_h.Conversation,
        [
            new PendingApprovalsFallbackResponder(), new AskToolResponder(_h.Conversation, _demand, new StaffAcademies(new InMemoryStaffAcademyStore())), new RequestApprovalResponder(_h.Conversation),
            new ListApprovedResponder(_h.Conversation, new StaffAcademies(new InMemoryStaffAcademyStore())), new MyRequestsResponder(_h.Requests.Object), new TrainingDoneResponder(recorder),
            new HelpResponder(), new OtherResponder(),
        ], NullLogger<StaffMessageHandler>.Instance);
        _h.Requests.Setup(r => r.ListByRequesterAsync(ConversationHarness.UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Versioned<ToolRequest>(ConversationSamples.Request(Policy.Tier.TrustApproval), "v1")]);
    }

    private async Task<Activity> Say(string text)
    {
        var before = _h.Sent.Count;
        await _handler.HandleAsync(_h.Turn(text), default);
        Assert.Equal(before + 1, _h.Sent.Count); // exactly one connector call per turn
        return _h.Sent.ToArray()[^1];
    }

    private static string CardText(Activity a)
    {
        var content = SentCard.Json(a);
        return string.Join("\n", Strings(content));
    }

    private static IEnumerable<string> Strings(JsonNode? n) => n switch
    {
        JsonObject o => o.SelectMany(kv => Strings(kv.Value)),
        JsonArray arr => arr.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [Fact]
    public async Task Ask_tool_with_a_typo_gets_the_answer_card_and_the_hot_path_reads_storage_once()
    {
        var first = CardText(await Say("can I use chat gtp for lesson plans?"));
        Assert.Contains("ChatGPT", first);
        Assert.Contains("Yes, you can use it for this", first);
        var second = CardText(await Say("can I use chatgpt to write reports with pupil names?"));
        Assert.Contains("this use is NOT allowed", second);
        Assert.Contains("Request this new use", second);
        // Training records: one load for this person, then the cache; no request store at all.
        _h.TrainingStore.Verify(s => s.ListForUserAsync(ConversationHarness.UserId, It.IsAny<CancellationToken>()), Times.Once);
        _h.Requests.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Asking_about_a_tool_counts_as_demand_for_it()
    {
        await Say("can I use chat gtp for lesson plans?");
        await Say("is chatgpt ok for writing a quiz?");
        await Say("can I use copilot?");
        var top = await _demand.TopAsync(2, default);
        Assert.Equal(("chatgpt-free", 2L), (top[0].ToolId, (long)top[0].Count));
        Assert.Equal("m365-copilot-chat", top[1].ToolId);
    }

    [Fact]
    public async Task Asking_about_a_tool_the_register_does_not_know_counts_an_ask_by_its_name_only()
    {
        await Say("Is Perplexity approved?");
        await Say("can i use perplexity for revision?");
        var asks = await _demand.AsksAsync(null, null, default);
        Assert.All(asks, a => Assert.Equal("unknown:perplexity", IToolDemand.UnknownPrefix + ToolNames.Normalise(a.ToolId[IToolDemand.UnknownPrefix.Length..])));
        Assert.Equal(2, asks.Sum(a => a.Count));
        Assert.Empty(await _demand.TopAsync(5, default)); // the message extension's list holds register tools only
    }

    [Fact]
    public async Task Unknown_tool_gets_not_assessed_with_the_form()
    {
        var text = CardText(await Say("Is Perplexity approved?"));
        Assert.Contains("Not assessed yet", text);
        Assert.Contains("Request approval", text);
    }

    [Fact]
    public async Task Request_approval_opens_the_prefilled_wizard()
    {
        var reply = await Say("I'd like to request approval for Perplexity for making revision quizzes");
        var card = SentCard.Json(reply);
        var toolName = card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "toolName")!;
        Assert.Equal("Perplexity", toolName["value"]!.GetValue<string>());
        Assert.Contains("Step 1 of 3", CardText(reply));
    }

    [Fact]
    public async Task List_approved_is_filtered_by_use()
    {
        var text = CardText(await Say("which tools are approved for lesson planning?"));
        Assert.Contains("Approved AI tools for lesson planning and resources", text);
        Assert.Contains("TeacherMatic", text);
        Assert.DoesNotContain("Grammarly", text);
    }

    [Fact]
    public async Task My_requests_lists_the_store_contents()
    {
        var text = CardText(await Say("what's the status of my request?"));
        Assert.Contains("AIP-2026-0042", text);
        Assert.Contains("Waiting for a decision", text);
    }

    [Fact]
    public async Task My_gamma_request_puts_that_request_first()
    {
        var gamma = ConversationSamples.Request(Policy.Tier.TrustApproval, "Gamma") with { Reference = "AIP-2026-0041" };
        var newer = ConversationSamples.Request(Policy.Tier.TrustApproval) with { SubmittedAt = gamma.SubmittedAt.AddDays(3) };
        _h.Requests.Setup(r => r.ListByRequesterAsync(ConversationHarness.UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Versioned<ToolRequest>(newer, "v1"), new Versioned<ToolRequest>(gamma, "v1")]);

        var plain = CardText(await Say("what's happening with my requests?"));
        Assert.True(plain.IndexOf("AIP-2026-0042", StringComparison.Ordinal) < plain.IndexOf("AIP-2026-0041", StringComparison.Ordinal), "newest first");
        var text = CardText(await Say("where's my gamma request up to?"));
        Assert.True(text.IndexOf("AIP-2026-0041", StringComparison.Ordinal) < text.IndexOf("AIP-2026-0042", StringComparison.Ordinal), "the Gamma request first");
    }

    [Fact]
    public async Task Training_done_records_an_attestation_and_updates_the_cache()
    {
        var text = CardText(await Say("I've done the Copilot training"));
        Assert.Contains("Training recorded", text);
        _h.TrainingStore.Verify(s => s.RecordAsync(It.Is<TrainingRecord>(r => r.UserId == ConversationHarness.UserId && r.EntryId == "m365-copilot-chat" && r.PolicyVersion == "2024-07"), It.IsAny<CancellationToken>()), Times.Once);
        var after = CardText(await Say("can I use copilot?"));
        Assert.Contains("Completed (recorded)", after);
    }

    [Fact]
    public async Task Help_gets_the_help_card_with_buttons()
    {
        var reply = await Say("what can you do?");
        Assert.Contains("What I can do", CardText(reply));
        var card = SentCard.Json(reply);
        Assert.Equal(3, card["actions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Incident_reports_point_to_information_assurance_and_never_ask_for_the_data()
    {
        // A card now (never a bare sentence), with the same words and ways on.
        var reply = CardText(await Say("I think I pasted a pupil's report into ChatGPT by mistake"));
        Assert.Contains("Information Assurance", reply);
        Assert.Contains("please don't paste personal data here", reply);
    }

    [Fact]
    public async Task Greetings_get_a_friendly_reply_on_a_card_with_the_four_ways_on()
    {
        var hello = await Say("good morning");
        Assert.Contains("Hello", CardText(hello));
        var card = SentCard.Json(hello);
        Assert.Equal(["Check a tool", "Request approval", "My requests", "Approved tools"],
            card["actions"]!.AsArray().Select(a => (string)a!["title"]!).ToArray());
        Assert.Contains("welcome", CardText(await Say("thanks!")));
    }

    [Fact]
    public async Task Pending_approvals_fall_back_politely_until_the_approvals_part_answers()
    {
        Assert.Contains("approval cards", (await Say("what do I need to approve?")).Text);
    }
}
