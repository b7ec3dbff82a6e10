using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Intake B with more to store: a browser extension, a year group, pupil work, a slash in the purpose.</summary>
    public static Intake Intake(string tool = "Brisk Teaching") => RequestSamples.Intake(tool) with
    {
        AccessMode = AccessMode.BrowserExtension,
        Purpose = "Draft feedback on Year 9 essays / marking",
        UseCategory = UseCategory.FeedbackMarking,
        YoungestYearGroup = YearGroup.Y9,
        DataCategories = [DataCategory.PupilWork],
        VendorTrainsOnInputs = VendorTraining.Unknown,
    };

    public static RoutingOutcome Outcome() => new(
        Tier.TrustApproval, false, ApproverRoles.For(Tier.TrustApproval), ["DPIA_REQUIRED"],
        [new RoutingReason("R6-DATA", "§6.2", "Pupil work is personal data.")], null);

    public static ToolRequest Request(string reference, string requesterId = "11111111-2222-3333-4444-555555555555",
        RequestState state = RequestState.Pending, DateTimeOffset? submitted = null) =>
        RequestSamples.Request(reference, Intake(), Outcome(), state, submitted ?? Now) with
        {
            RequesterId = requesterId,
            RequesterName = "Test Teacher",
            PendingRoles = ["CIO", "CDO", "DPO"],
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
