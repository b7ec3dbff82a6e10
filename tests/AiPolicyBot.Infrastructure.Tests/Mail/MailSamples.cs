using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

internal static class MailSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static ToolRequest Request(string reference, RequestState state = RequestState.Approved, string tool = "Quizzer") => new()
    {
        Reference = reference,
        RequesterId = "11111111-1111-1111-1111-111111111111",
        RequesterName = "Alex Teacher",
        Intake = new Intake
        {
            RequestType = RequestType.NewTool,
            AcademyId = "oak-primary",
            Role = StaffRole.Teacher,
            ToolName = tool,
            Vendor = "Quiz Ltd",
            Edition = Edition.EducationEnterprise,
            AccessMode = AccessMode.WebBrowser,
            Purpose = "Retrieval practice quizzes",
            UseCategory = UseCategory.LessonPlanning,
            Users = UserGroup.Staff,
            DataCategories = [DataCategory.Pupil],
            VendorTrainsOnInputs = VendorTraining.No,
            OutputUse = OutputUse.DraftsEdited,
            DeclNoDataYet = true,
            DeclReadPolicy = true,
        },
        Outcome = new RoutingOutcome(Tier.TrustApproval, false, ApproverRoles.For(Tier.TrustApproval),
            [ConditionCodes.DpiaRequired, ConditionCodes.TrainingBeforeFirstUse],
            [new RoutingReason("R6-DATA", "4.1", "Personal data of pupils would be processed.")], null),
        State = state,
        SubmittedAt = At.AddDays(-3),
        UpdatedAt = At,
    };

    public static ApprovalDecision Decision(string role = "CIO", string approver = "22222222-2222-2222-2222-222222222222", DecisionKind kind = DecisionKind.Approve) =>
        new(role, approver, $"{role} Person", kind, null, [], At);
}
