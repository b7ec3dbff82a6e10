using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Testing.Approvals;

/// <summary>People (Entra object ids), a directory and requests for the approval tests.</summary>
public static class ApprovalSamples
{
    public static readonly DateTimeOffset Submitted = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public const string Cio = "00000000-0000-0000-0000-00000000c101";
    public const string CioDeputy = "00000000-0000-0000-0000-00000000c102";
    public const string Cdo = "00000000-0000-0000-0000-00000000cd01";
    public const string Dpo = "00000000-0000-0000-0000-00000000d901";
    public const string ItLead = "00000000-0000-0000-0000-0000000017e1";
    public const string OakfieldLeader = "00000000-0000-0000-0000-0000000a0001";
    public const string OakfieldDeputy = "00000000-0000-0000-0000-0000000a0002";
    public const string BrookmereLeader = "00000000-0000-0000-0000-0000000b0001";
    public const string Teacher = "00000000-0000-0000-0000-00000000aaaa";
    public const string Stranger = "00000000-0000-0000-0000-00000000ffff";

    public static ApproverDirectory Directory(bool localDemo = false) => new(
        new Dictionary<string, RoleHolders>
        {
            [ApproverRoles.Cio] = new(Cio, [CioDeputy]),
            [ApproverRoles.Cdo] = new(Cdo, []),
            [ApproverRoles.Dpo] = new(Dpo, []),
            [ApproverRoles.It] = new(ItLead, []),
        },
        new Dictionary<string, RoleHolders>(StringComparer.OrdinalIgnoreCase)
        {
            ["oakfield"] = new(OakfieldLeader, [OakfieldDeputy]),
            ["brookmere"] = new(BrookmereLeader, []),
        },
        localDemo);

    public static Intake Intake(string tool = "Brisk Teaching", string academy = "oakfield", RequestType type = RequestType.NewTool,
        IReadOnlyList<DataCategory>? data = null) => new()
        {
            RequestType = type,
            AcademyId = academy,
            Role = StaffRole.Teacher,
            ToolName = tool,
            Vendor = "Brisk",
            ToolUrl = "https://brisk.example",
            Edition = Edition.FreeConsumer,
            AccessMode = AccessMode.WebBrowser,
            AccountType = AccountType.None,
            Purpose = "Draft lesson plans.",
            UseCategory = UseCategory.LessonPlanning,
            Users = UserGroup.Staff,
            DataCategories = data ?? [DataCategory.Pupil],
            VendorTrainsOnInputs = VendorTraining.Unknown,
            OutputUse = OutputUse.DraftsEdited,
            DeclNoDataYet = true,
            DeclReadPolicy = true,
        };

    public static ToolRequest TrustRequest(string reference = "AIP-2026-0042", string requester = Teacher) => new()
    {
        Reference = reference,
        RequesterId = requester,
        RequesterName = "Tara Teacher",
        Intake = Intake(),
        Outcome = new RoutingOutcome(Tier.TrustApproval, false, ApproverRoles.For(Tier.TrustApproval),
            [ConditionCodes.DpaRequired, ConditionCodes.DpiaRequired, ConditionCodes.Review12Months, ConditionCodes.TrainingBeforeFirstUse,
             ConditionCodes.TrustAccountOnly, ConditionCodes.VendorTrainingOff],
            [new RoutingReason("R6-DATA", "4.1", "The request involves personal data, so the CIO, CDO and DPO must approve it before use.")], null),
        State = RequestState.Pending,
        PendingRoles = ApproverRoles.For(Tier.TrustApproval),
        SubmittedAt = Submitted,
        UpdatedAt = Submitted,
    };

    public static ToolRequest AcademyRequest(string reference = "AIP-2026-0043", string academy = "oakfield") => new()
    {
        Reference = reference,
        RequesterId = Teacher,
        RequesterName = "Tara Teacher",
        Intake = Intake("Quizlet", academy, data: [DataCategory.None]),
        Outcome = new RoutingOutcome(Tier.AcademyApproval, false, [ApproverRoles.AcademyLeader],
            [ConditionCodes.HumanReviewOfOutputs, ConditionCodes.NoPersonalOrSensitiveData, ConditionCodes.Review12Months],
            [new RoutingReason("R11-BROWSER", "4.3", "A web-browser tool used without personal data can be used with your academy leader's approval.")], null),
        State = RequestState.Pending,
        PendingRoles = [ApproverRoles.AcademyLeader],
        SubmittedAt = Submitted,
        UpdatedAt = Submitted,
    };

    public static ApprovalActor Actor(string id) => new(id, "Person " + id[^4..]);
}
