using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Requests;

namespace AiPolicyBot.Testing.Mail;

/// <summary>
/// The request the decision, submitted and possible-incident mails are about, and its decisions: Quizzer at Oak Primary,
/// trust-wide with pupil and special-category data, with markup and ampersands where people type (the requester's name,
/// the vendor, a comment), so every composer and transport on the way has something to encode.
/// </summary>
public static class MailSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 27, 10, 30, 0, TimeSpan.Zero);

    public const string Hostile = "<script>alert('x')</script> Tom & Jerry \"AI\"";

    public static ToolRequest Request(RequestState state = RequestState.Approved, string tool = "Quizzer", string purpose = "Quizzes",
        IReadOnlyList<string>? conditions = null, string reference = "AIP-2026-0042") =>
        RequestSamples.Request(reference, RequestSamples.Intake(tool) with
        {
            AcademyId = "oak-primary",
            Vendor = "Quiz & Co",
            Edition = Edition.EducationEnterprise,
            Purpose = purpose,
            Users = UserGroup.StaffAndLearners,
            DataCategories = [DataCategory.Pupil, DataCategory.SpecialCategory],
            VendorTrainsOnInputs = VendorTraining.No,
        }, new RoutingOutcome(Tier.TrustApproval, false, ApproverRoles.For(Tier.TrustApproval),
            conditions ?? [ConditionCodes.TrainingBeforeFirstUse, ConditionCodes.DpiaRequired],
            [new RoutingReason("R6-DATA", "4.1", "Personal data of pupils would be processed."),
             new RoutingReason("R7-EFFECT", "§3.3", "Outputs inform decisions about individuals.")], null), state, At) with
        {
            RequesterId = "r-1",
            RequesterName = "Alex <b>Teacher</b>",
            PendingRoles = [],
            SubmittedAt = At.AddDays(-2),
        };

    /// <summary>The CIO approves at <see cref="At"/>; an hour later the DPO approves with a condition and a comment with markup.</summary>
    public static IReadOnlyList<ApprovalDecision> Decisions { get; } =
    [
        new("CIO", "a-1", "Chris Cio", DecisionKind.Approve, null, [], At),
        new("DPO", "a-3", "Dana Dpo", DecisionKind.ApproveWithConditions, "Only with <DPIA> & DPA", [ConditionCodes.DpaRequired], At.AddHours(1)),
    ];

    /// <summary>One decision by <paramref name="role"/> at <see cref="At"/>.</summary>
    public static ApprovalDecision Decision(string role = "CIO", string approver = "22222222-2222-2222-2222-222222222222",
        DecisionKind kind = DecisionKind.Approve) => new(role, approver, $"{role} Person", kind, null, [], At);
}
