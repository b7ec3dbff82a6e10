using AiPolicyBot.Teams.Approvals.Handlers;
using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Approvals;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>
/// Who may see a request's card (docs/security.md): the requester, the request's approvers and deputies and
/// Information Assurance. Everyone else gets one and the same answer for every reference, real or not, so
/// sequential references cannot be walked.
/// </summary>
public class RequestVisibilityTests
{
    private const string Academy = "AIP-2026-0043"; // an Oakfield request: the Oakfield leader and deputy decide
    private const string Missing = "AIP-2026-0999";

    private static async Task<ApprovalRig> RigAsync()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(AcademyRequest());
        return rig;
    }

    private static Task<ApprovalRig.Answer> Ask(ApprovalRig rig, string verb, string? user, string reference) =>
        rig.InvokeAsync(verb, new JsonObject { ["reference"] = reference }, user, "Someone");

    [Theory]
    [InlineData(RefreshApprovalHandler.VerbName)]
    [InlineData(ApproveHandler.VerbName)]
    [InlineData(RejectHandler.VerbName)]
    [InlineData(WithdrawHandler.VerbName)]
    [InlineData(AnswerInformationHandler.VerbName)]
    public async Task Outsiders_get_the_same_card_for_a_real_request_as_for_a_missing_one(string verb)
    {
        var rig = await RigAsync();
        var missing = await Ask(rig, verb, Stranger, Missing);
        Assert.Equal(200, missing.StatusCode);
        var expected = missing.Card!.ToJson();
        // A stranger, another academy's leader, a Trust approver the request was not routed to, and nobody at all.
        foreach (var user in new[] { Stranger, BrookmereLeader, Cio, null })
        {
            var seen = await Ask(rig, verb, user, Academy);
            Assert.Equal(200, seen.StatusCode);
            var json = seen.Card!.ToJson();
            Assert.Equal(expected, json);
            Assert.DoesNotContain(Academy, json, StringComparison.Ordinal);
            Assert.DoesNotContain("Quizlet", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Requested by", json, StringComparison.Ordinal);
        }
        Assert.Empty(rig.Decisions.Rows);
        Assert.Empty(rig.Audit.Entries);
    }

    [Fact]
    public async Task The_requester_its_approvers_and_deputies_and_Information_Assurance_see_the_request()
    {
        var rig = await RigAsync();
        foreach (var user in new[] { Teacher, OakfieldLeader, OakfieldDeputy, Dpo })
        {
            var seen = await Ask(rig, RefreshApprovalHandler.VerbName, user, Academy);
            Assert.Equal(200, seen.StatusCode);
            Assert.Contains(Academy, seen.Card!.ToJson(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_those_who_see_every_request_learn_that_a_reference_does_not_exist()
    {
        var rig = await RigAsync();
        Assert.Equal(404, (await Ask(rig, RefreshApprovalHandler.VerbName, Dpo, Missing)).StatusCode);
        Assert.Equal(200, (await Ask(rig, RefreshApprovalHandler.VerbName, OakfieldLeader, Missing)).StatusCode);
    }

    [Fact]
    public async Task An_approver_who_decided_still_sees_the_request_after_it_closes()
    {
        var rig = await RigAsync();
        await rig.ClickAsync(ApproveHandler.VerbName, OakfieldLeader, Academy);
        var seen = await Ask(rig, RefreshApprovalHandler.VerbName, OakfieldLeader, Academy);
        Assert.Contains("Status: Approved", seen.Card!.ToJson(), StringComparison.Ordinal);
    }
}
