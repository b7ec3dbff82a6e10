using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// Audit entry kinds of the approval stream (one stream per request reference). Stored values: never rename one.
/// A decision's kind comes from its <see cref="DecisionKind"/> alone, so the two cannot drift apart.
/// </summary>
public static class AuditKinds
{
    public const string Expired = "approval.expired";
    public const string Reminded = "approval.reminded";
    public const string CheckTicked = "approval.checkTicked";
    public const string RegisterUpdated = "register.updated";

    public static string For(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "approval.approved",
        DecisionKind.ApproveWithConditions => "approval.approvedWithConditions",
        DecisionKind.Reject => "approval.rejected",
        DecisionKind.RequestInformation => "approval.informationRequested",
        DecisionKind.Answer => "approval.informationProvided",
        DecisionKind.Withdraw => "approval.withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a decision kind."),
    };
}
