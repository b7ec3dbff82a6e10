using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Requests;

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

    /// <summary>Intake B for Brisk at Oakfield with pupil data, the vendor's address and no account named.</summary>
    public static Intake Intake(string tool = "Brisk Teaching", string academy = "oakfield", RequestType type = RequestType.NewTool,
        IReadOnlyList<DataCategory>? data = null) => RequestSamples.Intake(tool) with
        {
            RequestType = type,
            AcademyId = academy,
            Vendor = "Brisk",
            ToolUrl = "https://brisk.example",
            AccountType = AccountType.None,
            Purpose = "Draft lesson plans.",
            DataCategories = data ?? [DataCategory.Pupil],
            VendorTrainsOnInputs = VendorTraining.Unknown,
        };

    /// <summary>Tara Teacher's request with pupil data: the CIO, CDO and DPO decide, with every go-live condition.</summary>
    public static ToolRequest TrustRequest(string reference = "AIP-2026-0042", string requester = Teacher) =>
        RequestSamples.Request(reference, Intake(), RequestSamples.TrustOutcome() with
        {
            Conditions = [ConditionCodes.DpaRequired, ConditionCodes.DpiaRequired, ConditionCodes.Review12Months, ConditionCodes.TrainingBeforeFirstUse,
                          ConditionCodes.TrustAccountOnly, ConditionCodes.VendorTrainingOff],
        }, at: Submitted) with
        { RequesterId = requester, RequesterName = "Tara Teacher" };

    /// <summary>Tara Teacher's request for Quizlet without personal data: her academy's leader decides.</summary>
    public static ToolRequest AcademyRequest(string reference = "AIP-2026-0043", string academy = "oakfield") =>
        RequestSamples.Request(reference, Intake("Quizlet", academy, data: [DataCategory.None]), RequestSamples.AcademyOutcome() with
        {
            Conditions = [ConditionCodes.HumanReviewOfOutputs, ConditionCodes.NoPersonalOrSensitiveData, ConditionCodes.Review12Months],
        }, at: Submitted) with
        { RequesterId = Teacher, RequesterName = "Tara Teacher" };

    public static ApprovalActor Actor(string id) => new(id, "Person " + id[^4..]);
}
