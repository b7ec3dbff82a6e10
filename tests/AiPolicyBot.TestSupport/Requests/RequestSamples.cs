using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Testing.Requests;

/// <summary>
/// Intake B (<see cref="IntakeSamples"/>) asked at Oakfield, as a record, and a request built on it. A test changes,
/// with <c>with</c>, only the fields its assertions read; everything else is this one sample.
/// </summary>
public static class RequestSamples
{
    public static readonly DateTimeOffset Submitted = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The Entra object id of Megan Bowen, the requester (also the Agents Playground's user).</summary>
    public const string RequesterId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";
    public const string RequesterName = "Megan Bowen";

    /// <summary>Intake B at Oakfield, as the parser returns it.</summary>
    public static Intake Intake(string tool = "ExampleChat") => new()
    {
        RequestType = RequestType.NewTool,
        AcademyId = "oakfield",
        Role = StaffRole.Teacher,
        ToolName = tool,
        Edition = Edition.FreeConsumer,
        AccessMode = AccessMode.WebBrowser,
        Purpose = "Draft a Year 9 history quiz from made-up source material.",
        UseCategory = UseCategory.LessonPlanning,
        Users = UserGroup.Staff,
        DataCategories = [DataCategory.None],
        VendorTrainsOnInputs = VendorTraining.Yes,
        OutputUse = OutputUse.DraftsEdited,
        DeclNoDataYet = true,
        DeclReadPolicy = true,
    };

    /// <summary>
    /// Megan Bowen's request for <paramref name="intake"/> (default: <see cref="Intake"/>), routed to
    /// <paramref name="outcome"/> (default: <see cref="AcademyOutcome"/>), submitted and last changed at <paramref name="at"/>;
    /// while pending, every approver role of the outcome still has to decide.
    /// </summary>
    public static ToolRequest Request(string reference = "AIP-2026-0042", Intake? intake = null, RoutingOutcome? outcome = null,
        RequestState state = RequestState.Pending, DateTimeOffset? at = null)
    {
        outcome ??= AcademyOutcome();
        return new()
        {
            Reference = reference,
            RequesterId = RequesterId,
            RequesterName = RequesterName,
            Intake = intake ?? Intake(),
            Outcome = outcome,
            State = state,
            PendingRoles = state == RequestState.Pending ? outcome.ApproverRoles : [],
            SubmittedAt = at ?? Submitted,
            UpdatedAt = at ?? Submitted,
        };
    }

    /// <summary>Where intake B goes: a browser tool without personal data, so the academy leader decides (rule R11).</summary>
    public static RoutingOutcome AcademyOutcome() => new(Tier.AcademyApproval, false, ApproverRoles.For(Tier.AcademyApproval),
        [ConditionCodes.HumanReviewOfOutputs],
        [new RoutingReason("R11-BROWSER", "4.3", "A web-browser tool used without personal data can be used with your academy leader's approval.")], null);

    /// <summary>Where a request with personal data goes: the CIO, CDO and DPO decide (rule R6).</summary>
    public static RoutingOutcome TrustOutcome() => new(Tier.TrustApproval, false, ApproverRoles.For(Tier.TrustApproval),
        [ConditionCodes.DpaRequired, ConditionCodes.DpiaRequired, ConditionCodes.TrainingBeforeFirstUse],
        [new RoutingReason("R6-DATA", "4.1", "The request involves personal data, so the CIO, CDO and DPO must approve it before use.")], null);
}
