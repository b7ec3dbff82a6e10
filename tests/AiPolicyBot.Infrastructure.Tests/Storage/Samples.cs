using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static Intake Intake(string tool = "Brisk Teaching") => new()
    {
        RequestType = RequestType.NewTool,
        AcademyId = "oakfield",
        Role = StaffRole.Teacher,
        ToolName = tool,
        Edition = Edition.FreeConsumer,
        AccessMode = AccessMode.BrowserExtension,
        Purpose = "Draft feedback on Year 9 essays / marking",
        UseCategory = UseCategory.FeedbackMarking,
        Users = UserGroup.Staff,
        YoungestYearGroup = YearGroup.Y9,
        DataCategories = [DataCategory.PupilWork],
        VendorTrainsOnInputs = VendorTraining.Unknown,
        OutputUse = OutputUse.DraftsEdited,
        DeclNoDataYet = true,
        DeclReadPolicy = true,
    };

    public static RoutingOutcome Outcome() => new(
        Tier.TrustApproval, false, ApproverRoles.For(Tier.TrustApproval), ["DPIA_REQUIRED"],
        [new RoutingReason("R6-DATA", "§6.2", "Pupil work is personal data.")], null);

    public static ToolRequest Request(string reference, string requesterId = "11111111-2222-3333-4444-555555555555",
        RequestState state = RequestState.Pending, DateTimeOffset? submitted = null) => new()
        {
            Reference = reference,
            RequesterId = requesterId,
            RequesterName = "Test Teacher",
            Intake = Intake(),
            Outcome = Outcome(),
            State = state,
            PendingRoles = ["CIO", "CDO", "DPO"],
            SubmittedAt = submitted ?? Now,
            UpdatedAt = submitted ?? Now,
        };

    public static RegisterEntry Entry(string id, string name = "ChatGPT") => new()
    {
        Id = id,
        Name = name,
        Vendor = "OpenAI",
        Edition = Edition.FreeConsumer,
        Aliases = ["chat gpt", "openai chat"],
        Status = RegisterStatus.ApprovedNoPersonalData,
        Scope = new RegisterScope { Users = UserGroup.Staff, MinYearGroup = YearGroup.Y7 },
        Conditions = ["NO_PERSONAL_DATA"],
        ReviewBy = new DateOnly(2027, 7, 31),
    };
}
