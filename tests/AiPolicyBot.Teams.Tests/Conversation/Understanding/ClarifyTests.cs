using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Tests.Support;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>When unsure the bot asks one short question with 2–4 buttons that carry the text; nothing is a dead end.</summary>
public sealed class ClarifyTests
{
    private static IntentScore[] Scores(params (string Intent, double P)[] s) => s.Select(x => new IntentScore(x.Intent, x.P)).ToArray();

    [Fact]
    public void A_sure_model_answers_and_an_unsure_one_clarifies_with_two_to_four_candidates_never_other()
    {
        var sure = MessageUnderstanding.Decide(Scores(("askTool", 0.9), ("requestApproval", 0.05), ("other", 0.05)));
        Assert.Equal(Intent.AskTool, sure.Intent);
        Assert.Empty(sure.Candidates);

        var unsure = MessageUnderstanding.Decide(Scores(("requestApproval", 0.4), ("other", 0.3), ("askTool", 0.2), ("myRequests", 0.05), ("help", 0.05)));
        Assert.Equal(Intent.Clarify, unsure.Intent);
        Assert.Equal([Intent.RequestApproval, Intent.AskTool], unsure.Candidates);

        var spread = MessageUnderstanding.Decide(Scores(("askTool", 0.25), ("requestApproval", 0.2), ("listApproved", 0.2), ("myRequests", 0.15), ("help", 0.1), ("other", 0.1)));
        Assert.Equal(4, spread.Candidates.Count);
    }

    [Fact]
    public void An_unsure_other_stays_other_and_gets_the_card_with_buttons()
    {
        var other = MessageUnderstanding.Decide(Scores(("other", 0.4), ("askTool", 0.35), ("help", 0.25)));
        Assert.Equal(Intent.Other, other.Intent);
    }

    [Fact]
    public void The_clarifying_card_asks_once_and_every_button_carries_the_original_text()
    {
        var card = ClarifyCard.Build("is it ok to get perplexity sorted?", [Intent.AskTool, Intent.RequestApproval]).ToJsonObject();
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Check a tool", "Request approval"], actions.Select(a => (string)a!["title"]!).ToArray());
        Assert.All(actions, a =>
        {
            Assert.Equal(ClarifiedAction.VerbName, (string)a!["verb"]!);
            Assert.Equal("is it ok to get perplexity sorted?", (string)a["data"]!["text"]!);
        });
        Assert.Equal(["askTool", "requestApproval"], actions.Select(a => (string)a!["data"]!["intent"]!).ToArray());
    }

    [Fact]
    public async Task A_clarifying_button_answers_the_original_text_as_the_chosen_intent()
    {
        var h = new ConversationHarness();
        var responders = new IIntentResponder[] { new AskToolResponder(h.Conversation, new AiPolicyBot.Register.InMemoryToolDemand(), new StaffAcademies(new InMemoryStaffAcademyStore())), new ClarifyResponder() };
        var action = new ClarifiedAction(h.Conversation, responders);

        var reply = await action.HandleAsync(h.Turn(), ConversationHarness.Action(ClarifiedAction.VerbName, new { intent = "askTool", text = "something about perplexity" }), default);

        Assert.Contains("Check a tool", ConversationHarness.CardOf(reply).ToString());
        var sent = Assert.Single(h.Sent);
        var card = SentCard.Json(sent);
        Assert.Contains("Perplexity", card.ToJsonString());
    }

    [Fact]
    public async Task A_forged_choice_is_refused()
    {
        var h = new ConversationHarness();
        var action = new ClarifiedAction(h.Conversation, [new ClarifyResponder()]);
        var reply = await action.HandleAsync(h.Turn(), ConversationHarness.Action(ClarifiedAction.VerbName, new { intent = "clarify", text = "x" }), default);
        Assert.NotEqual(AiPolicyBot.Teams.Protocol.AdaptiveCardInvokeResponse.CardType, reply.Type);
        Assert.Empty(h.Sent);
    }
}
