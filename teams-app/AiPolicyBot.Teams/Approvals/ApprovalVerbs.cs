namespace AiPolicyBot.Teams.Approvals;

/// <summary>The Action.Execute verbs of approval cards (one handler class each) and the input ids they read.</summary>
public static class ApprovalVerbs
{
    public const string Refresh = "approval.refresh";
    public const string Approve = "approval.approve";
    public const string ApproveWithConditions = "approval.approveWithConditions";
    public const string Reject = "approval.reject";
    public const string AskInformation = "approval.askInformation";
    public const string Answer = "approval.answer";
    public const string Withdraw = "approval.withdraw";
    public const string TickCheck = "approval.tickCheck";

    public static readonly IReadOnlyList<string> All = [Refresh, Approve, ApproveWithConditions, Reject, AskInformation, Answer, Withdraw, TickCheck];

    /// <summary>Input ids (Teams merges input values into the action data).</summary>
    public static class Inputs
    {
        public const string Conditions = "conditions";
        public const string Note = "note";
        public const string RejectReason = "rejectReason";
        public const string Question = "question";
        public const string Answer = "answer";
        public const string WithdrawReason = "withdrawReason";
        /// <summary>The roles a person holding several chooses to decide for (comma-separated).</summary>
        public const string Roles = "roles";
        public const string Check = "check";
        public const string Link = "link";
        public const string ScopeUsers = "scopeUsers";
        public const string ScopeYearGroup = "scopeYearGroup";
        public const string ScopeData = "scopeData";
        public const string ScopeAcademyOnly = "scopeAcademyOnly";
        public const string ReviewDate = "reviewDate";
    }
}

/// <summary>The only data an approval card action carries: the stable request reference. State is always loaded from storage.</summary>
public sealed record ApprovalActionData(string Reference);
