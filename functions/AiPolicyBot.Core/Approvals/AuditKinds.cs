using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>Audit entry kinds of the approval stream (one stream per request reference).</summary>
public static class AuditKinds
{
    public const string Approved = "approval.approved";
    public const string ApprovedWithConditions = "approval.approvedWithConditions";
    public const string Rejected = "approval.rejected";
    public const string InformationRequested = "approval.informationRequested";
    public const string InformationProvided = "approval.informationProvided";
    public const string Withdrawn = "approval.withdrawn";
    public const string Expired = "approval.expired";
    public const string Reminded = "approval.reminded";
    public const string CheckTicked = "approval.checkTicked";
    public const string RegisterUpdated = "register.updated";

    public static string For(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => Approved,
        DecisionKind.ApproveWithConditions => ApprovedWithConditions,
        DecisionKind.Reject => Rejected,
        DecisionKind.Answer => InformationProvided,
        DecisionKind.Withdraw => Withdrawn,
        _ => InformationRequested,
    };
}
