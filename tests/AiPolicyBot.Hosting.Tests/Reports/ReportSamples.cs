using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Hosting.Tests.Reports;

/// <summary>Stored data for the report tests: requests in every state and triage records, some with awkward text.</summary>
internal static class ReportSamples
{
    public static ToolRequest Request(string reference, DateTimeOffset submitted, RequestState state, string tool = "Brisk Teaching",
        string academy = "oakfield", Tier tier = Tier.TrustApproval, params ApprovalDecision[] decisions) => new()
        {
            Reference = reference,
            RequesterId = "00000000-0000-0000-0000-00000000r001",
            RequesterName = "Requester Name Never Reported",
            Intake = new Intake
            {
                RequestType = RequestType.NewTool,
                AcademyId = academy,
                Role = StaffRole.Teacher,
                ToolName = tool,
                Edition = Edition.FreeConsumer,
                AccessMode = AccessMode.WebBrowser,
                Purpose = "A purpose line that the requests report must not carry",
                UseCategory = UseCategory.LessonPlanning,
                Users = UserGroup.Staff,
                DataCategories = [DataCategory.None],
                VendorTrainsOnInputs = VendorTraining.No,
                OutputUse = OutputUse.Ideas,
                DeclNoDataYet = true,
                DeclReadPolicy = true,
            },
            Outcome = new RoutingOutcome(tier, false, ApproverRoles.For(tier), [], [], null),
            State = state,
            Decisions = decisions,
            SubmittedAt = submitted,
            UpdatedAt = submitted,
        };

    public static ApprovalDecision Decision(string role, string name, DecisionKind kind, DateTimeOffset at) =>
        new(role, "approver-" + role, name, kind, "a comment the report must not carry", [], at);

    public static TriageRecord TriagedMail(string key, DateTimeOffset received, TriageCategory category, double confidence,
        TriageCategory? confirmed = null, string? by = null, string? draft = null) => new()
        {
            Key = key,
            Source = "local",
            SourceId = key,
            FromAddress = "sender.never.reported@academy.example",
            Subject = "A subject the triage report must not carry",
            ReceivedAt = received,
            Category = category,
            Confidence = confidence,
            State = TriageRecordState.Done,
            ConfirmedCategory = confirmed,
            ConfirmedBy = by,
            DraftReference = draft,
            UpdatedAt = received,
        };
}
