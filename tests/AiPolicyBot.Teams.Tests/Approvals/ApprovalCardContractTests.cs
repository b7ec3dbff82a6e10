using AiPolicyBot.Teams.Approvals.Handlers;
using System.Text.Json.Nodes;
using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Tests.Cards;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>
/// Every approval card the flow produces, validated with the official adaptivecards library in one batch, and its JSON
/// checked: refresh.userIds = the pending approvers' MRIs, only approval verbs, action data carries only the reference.
/// </summary>
public class ApprovalCardContractTests
{
    private const string Ref = "AIP-2026-0042";
    private const string Nasty = "**Chat**_GPT_ [click](https://evil.example) <script>x</script> {{DATE(2026-01-01T00:00:00Z, SHORT)}} ${name}";

    [Fact]
    public async Task Every_card_of_a_full_flow_is_valid_and_keeps_to_the_contract()
    {
        var rig = new ApprovalRig(channel: "19:approvals@thread.tacv2");
        var request = TrustRequest() with
        {
            RequesterName = Nasty,
            Intake = TrustRequest().Intake with { ToolName = Nasty, Purpose = Nasty },
            Outcome = TrustRequest().Outcome with
            {
                Conditions = [.. TrustRequest().Outcome.Conditions, ConditionCodes.EqualityReview, ConditionCodes.JcqRules, ConditionCodes.SafeguardingFiltering],
            },
        };
        await rig.SubmitAsync(request);
        await rig.ClickAsync(RejectHandler.VerbName, Cio, Ref);                                     // problem notice
        await rig.ClickAsync(AskInformationHandler.VerbName, Dpo, Ref, (AskInformationHandler.QuestionInput, Nasty));
        await rig.ClickAsync(AnswerInformationHandler.VerbName, Teacher, Ref, (AnswerInformationHandler.AnswerInput, Nasty));
        await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        await rig.ClickAsync(ApproveHandler.VerbName, Stranger, Ref);
        await rig.ClickAsync(ApproveWithConditionsHandler.VerbName, Dpo, Ref, (ApproveWithConditionsHandler.ConditionsInput, "HUMAN_REVIEW"), (ApproveWithConditionsHandler.NoteInput, Nasty));
        await rig.ClickAsync(RejectHandler.VerbName, Cdo, Ref, (RejectHandler.ReasonInput, Nasty));
        var cards = rig.Seen.Concat(rig.Messenger.Updates.Select((u, i) => ($"update {i} {u.Copy.Audience}", u.Card)))
            .Concat(rig.Messenger.ChannelCards.Select((c, i) => ($"channel {i}", c.Card))).ToList();
        Assert.True(cards.Count > 20);

        await CardValidator.AssertAllValidAsync(cards);
        foreach (var (name, card) in cards)
        {
            var json = card.ToJsonObject();
            CardShape.AssertValid(json);
            foreach (var action in ExecuteActions(json))
            {
                Assert.Contains((string)action["verb"]!, rig.Handlers.Keys);
                var data = Assert.IsType<JsonObject>(action["data"]);
                Assert.Equal(["reference"], data.Select(p => p.Key));
                Assert.Equal(Ref, (string?)data["reference"]);
            }
            // Markdown text is escaped (fallbackText is plain text and keeps the characters as typed).
            var text = json["body"]!.ToJsonString();
            Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[click](", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{DATE", text, StringComparison.Ordinal);
            Assert.DoesNotContain("${name}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Refresh_user_ids_are_exactly_the_pending_approvers_and_shrink_after_each_decision()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        var first = rig.Messenger.CardsSent[0].Card.ToJsonObject();
        Assert.Equal(new[] { Cio, CioDeputy, Cdo, Dpo }.Select(id => "29:" + id).Order(), UserIds(first).Order());
        Assert.Equal(RefreshApprovalHandler.VerbName, (string?)first["refresh"]!["action"]!["verb"]);

        await rig.ClickAsync(ApproveHandler.VerbName, CioDeputy, Ref);
        var afterCio = rig.Messenger.Updates.Last().Card.ToJsonObject();
        Assert.Equal(new[] { Cdo, Dpo }.Select(id => "29:" + id).Order(), UserIds(afterCio).Order());
        Assert.DoesNotContain("29:" + Teacher, UserIds(afterCio));
    }

    [Fact]
    public async Task Checklist_reasons_and_conditions_appear_in_plain_English()
    {
        var request = TrustRequest() with
        {
            Outcome = TrustRequest().Outcome with { Conditions = [ConditionCodes.DpiaRequired, ConditionCodes.EqualityReview, ConditionCodes.JcqRules] },
        };
        var card = ApprovalCardBuilder.Build(new ApprovalCardContext(request, ApprovalCardView.Approver, [], ["CIO"])).ToJson();
        foreach (var expected in new[] { "DPIA completed", "Bias and equality review (policy 3.3)", "JCQ", "Security evidence", "R6-DATA (policy 4",
                     "data protection impact assessment", "Still to decide: CIO, CDO, DPO", "You decide as CIO.", "Ask the requester a question" })
            Assert.True(card.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing from {card}");
        Assert.DoesNotContain("Safeguarding", card, StringComparison.Ordinal);
        var reject = ApprovalCardBuilder.Build(new ApprovalCardContext(request, ApprovalCardView.Approver, [], ["CIO"])).ToJsonObject()
            .ToJsonString();
        Assert.Contains("\"id\":\"rejectReason\"", reject, StringComparison.Ordinal);
        Assert.Contains("\"isRequired\":true", reject, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private static IEnumerable<string> UserIds(JsonObject card) => card["refresh"]!["userIds"]!.AsArray().Select(n => (string)n!);

    private static IEnumerable<JsonObject> ExecuteActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "Action.Execute") yield return o;
                foreach (var (_, child) in o) foreach (var a in ExecuteActions(child)) yield return a;
                break;
            case JsonArray arr:
                foreach (var child in arr) foreach (var a in ExecuteActions(child)) yield return a;
                break;
        }
    }
}
