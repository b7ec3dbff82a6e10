using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Core.Tests.Approvals;

public class RegisterDecisionTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static ToolRequest Approved(ToolRequest r) => r with { State = RequestState.Approved, PendingRoles = [] };

    [Fact]
    public void Trust_approval_with_personal_data_is_approved_with_data_allowed_and_a_12_month_review()
    {
        var entry = RegisterDecision.For(Approved(TrustRequest()) with { AddedConditions = [ConditionCodes.HumanReview] }, null, Today, null)!;
        Assert.Equal(RegisterStatus.Approved, entry.Status);
        Assert.True(entry.Scope.DataAllowed);
        Assert.Null(entry.Scope.Academies);
        Assert.Equal("brisk-teaching", entry.Id);
        Assert.Equal("AIP-2026-0042", entry.DecisionReference);
        Assert.Contains(ConditionCodes.HumanReview, entry.Conditions);
        Assert.Contains(ConditionCodes.DpiaRequired, entry.Conditions);
        Assert.Equal(new DateOnly(2027, 11, 27), entry.ReviewBy);
    }

    [Fact]
    public void Review_date_is_capped_by_the_next_policy_review_and_6_months_wins()
    {
        Assert.Equal(new DateOnly(2027, 7, 31), RegisterDecision.ReviewBy([ConditionCodes.Review12Months], Today, new DateOnly(2027, 7, 31)));
        Assert.Equal(new DateOnly(2027, 5, 27), RegisterDecision.ReviewBy([ConditionCodes.Review6Months], Today, new DateOnly(2027, 7, 31)));
        Assert.Equal(new DateOnly(2027, 3, 1), RegisterDecision.ReviewBy([ConditionCodes.Review6Months], Today, new DateOnly(2027, 3, 1)));
        Assert.Null(RegisterDecision.ReviewBy([], Today, null));
    }

    [Fact]
    public void Academy_approval_is_approved_without_personal_data_for_that_academy_only()
    {
        var entry = RegisterDecision.For(Approved(AcademyRequest()), null, Today, null)!;
        Assert.Equal(RegisterStatus.ApprovedNoPersonalData, entry.Status);
        Assert.False(entry.Scope.DataAllowed);
        Assert.Equal(["oakfield"], entry.Scope.Academies);
        Assert.Contains(ConditionCodes.NoPersonalOrSensitiveData, entry.Conditions);
    }

    [Fact]
    public void A_second_academy_widens_the_scope_of_the_existing_entry()
    {
        var first = RegisterDecision.For(Approved(AcademyRequest()), null, Today, null)!;
        var second = RegisterDecision.For(Approved(AcademyRequest("AIP-2026-0050", "brookmere")), first, Today, null)!;
        Assert.Equal(["brookmere", "oakfield"], second.Scope.Academies);
        Assert.Equal("AIP-2026-0050", second.DecisionReference);
    }

    [Fact]
    public void Rejected_new_tool_is_declined_with_the_reason_and_the_incident_code_never_reaches_the_register()
    {
        var rejected = TrustRequest() with
        {
            State = RequestState.Rejected,
            Outcome = TrustRequest().Outcome with { Conditions = [ConditionCodes.PossibleIncidentReview, ConditionCodes.DpiaRequired] },
            Decisions = [new ApprovalDecision("DPO", Dpo, "D", DecisionKind.Reject, "No DPA possible.", [], Submitted)],
        };
        var entry = RegisterDecision.For(rejected, null, Today, null)!;
        Assert.Equal(RegisterStatus.Declined, entry.Status);
        Assert.Equal("No DPA possible.", entry.DecisionReason);
        Assert.DoesNotContain(ConditionCodes.PossibleIncidentReview, RegisterDecision.ConditionsOf(rejected));
        // A rejected new use of a tool already in the register leaves the register alone.
        Assert.Null(RegisterDecision.For(rejected, entry, Today, null));
        Assert.Null(RegisterDecision.For(TrustRequest() with { State = RequestState.Withdrawn }, null, Today, null));
    }
}
