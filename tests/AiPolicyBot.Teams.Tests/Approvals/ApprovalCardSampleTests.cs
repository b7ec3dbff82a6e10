using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Policy;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Tests.Cards;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>
/// The approval cards the 320 px check renders (tests/node/cards.test.js) are the builder's real output: the committed
/// samples must equal what the builder makes now. AIPOLICYBOT_UPDATE_SAMPLES=1 rewrites them.
/// </summary>
public class ApprovalCardSampleTests
{
    public static IEnumerable<(string File, AiPolicyBot.Teams.Cards.Model.AdaptiveCard Card)> Samples()
    {
        var request = TrustRequest() with
        {
            Intake = Intake() with { Users = UserGroup.StaffAndLearners, YoungestYearGroup = YearGroup.Y7 },
            Outcome = TrustRequest().Outcome with { Conditions = [.. TrustRequest().Outcome.Conditions, ConditionCodes.SafeguardingFiltering, ConditionCodes.PrivacyNoticeUpdate] },
        };
        yield return ("approval-card-two-roles.json", ApprovalCardBuilder.Build(new ApprovalCardContext(request, ApprovalCardView.Approver, [], ["CIO", "CDO"])
        {
            CanTickChecks = true,
            DeliveryStatus = "sent to the CIO 09:12; sent to the CDO 09:12; not yet delivered to the DPO",
        }));
        yield return ("approval-card-one-role.json", ApprovalCardBuilder.Build(new ApprovalCardContext(request, ApprovalCardView.Approver, [], ["DPO"]) { CanTickChecks = true }));
        yield return ("approval-card-requester.json", ApprovalCardBuilder.Build(new ApprovalCardContext(request, ApprovalCardView.Requester, [], [])));
    }

    [Fact]
    public void The_committed_approval_card_samples_are_what_the_builder_makes()
    {
        var dir = Path.Combine(CardValidator.RepoRoot(), "tools", "cards", "samples");
        foreach (var (file, card) in Samples())
        {
            var json = card.ToJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
            var path = Path.Combine(dir, file);
            if (Environment.GetEnvironmentVariable("AIPOLICYBOT_UPDATE_SAMPLES") == "1") File.WriteAllText(path, json);
            Assert.True(File.Exists(path), $"{file} is missing: run the tests with AIPOLICYBOT_UPDATE_SAMPLES=1");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(json)),
                $"{file} is not what the builder makes now: rerun with AIPOLICYBOT_UPDATE_SAMPLES=1 and commit it");
        }
    }

    [Fact]
    public void At_most_three_buttons_at_the_top_of_every_view()
    {
        foreach (var (file, card) in Samples())
        {
            var actionSets = card.ToJsonObject()["body"]!.AsArray().Where(e => (string?)e?["type"] == "ActionSet").ToList();
            var count = actionSets.Sum(s => s!["actions"]!.AsArray().Count);
            Assert.True(count <= ApprovalCardActions.MaxTopLevelButtons, $"{file}: {count} top-level buttons");
        }
    }
}
