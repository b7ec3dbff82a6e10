using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Core.Tests.Approvals;

/// <summary>Audit kinds are stored with every entry: each keeps its spelling, and each decision kind has its own.</summary>
public class AuditKindsTests
{
    [Theory]
    [InlineData(DecisionKind.Approve, "approval.approved")]
    [InlineData(DecisionKind.ApproveWithConditions, "approval.approvedWithConditions")]
    [InlineData(DecisionKind.Reject, "approval.rejected")]
    [InlineData(DecisionKind.RequestInformation, "approval.informationRequested")]
    [InlineData(DecisionKind.Answer, "approval.informationProvided")]
    [InlineData(DecisionKind.Withdraw, "approval.withdrawn")]
    public void A_decision_is_stored_under_its_own_kind(DecisionKind decision, string stored) =>
        Assert.Equal(stored, AuditKinds.For(decision));

    [Fact]
    public void Every_decision_kind_has_a_distinct_audit_kind()
    {
        var kinds = Enum.GetValues<DecisionKind>().Select(AuditKinds.For).ToList();
        Assert.Equal(kinds.Count, kinds.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(AuditKinds.Expired, kinds);
    }

    [Fact]
    public void The_other_kinds_keep_their_spelling() =>
        Assert.Equal(["approval.expired", "approval.reminded", "approval.checkTicked", "register.updated"],
            [AuditKinds.Expired, AuditKinds.Reminded, AuditKinds.CheckTicked, AuditKinds.RegisterUpdated]);
}
