using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation.Wizard;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>Sample data for the conversation cards.</summary>
internal static class ConversationSamples
{
    public static readonly DateOnly Today = new(2026, 11, 27);
    public static readonly RegisterSnapshot Register = new(DemoRegister.Entries);
    public static RegisterEntry Entry(string id) => Register.Get(id)!;

    public static IReadOnlyList<WizardPage> Pages { get; } =
        WizardQuestions.Pages([("oakfield", "Oakfield Academy"), ("brookmere", "Brookmere Academy"), ("trust", "Central Trust team")]);

    public const string Hostile = "**Bold** [click](https://evil.example) <b>html</b> & {{DATE(2026-01-01)}} ${x}\n# Heading\n- item";

    public static Intake Intake(string toolName = "ExampleChat", string purpose = "Draft a Year 9 history quiz from made-up source material.") => new()
    {
        RequestType = RequestType.NewTool,
        AcademyId = "oakfield",
        Role = StaffRole.Teacher,
        ToolName = toolName,
        Edition = Edition.FreeConsumer,
        AccessMode = AccessMode.WebBrowser,
        Purpose = purpose,
        UseCategory = UseCategory.LessonPlanning,
        Users = UserGroup.Staff,
        DataCategories = [DataCategory.None],
        VendorTrainsOnInputs = VendorTraining.Yes,
        OutputUse = OutputUse.DraftsEdited,
        DeclNoDataYet = true,
        DeclReadPolicy = true,
    };

    public static ToolRequest Request(Tier tier, string toolName = "ExampleChat", RequestState state = RequestState.Pending) => new()
    {
        Reference = "AIP-2026-0042",
        RequesterId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8",
        RequesterName = "Megan Bowen",
        Intake = Intake(toolName),
        Outcome = tier switch
        {
            Tier.Prohibited => new RoutingOutcome(tier, false, [], [],
                [new RoutingReason("R1-ADM", "3.4", "Automated decision-making that affects people is prohibited by Trust policy.")], null),
            Tier.AlreadyApproved => new RoutingOutcome(tier, false, [], [ConditionCodes.NoPersonalOrSensitiveData],
                [new RoutingReason("R5-APPROVED", "3.1", "This tool is already approved in the register for this use.")], "chatgpt-free"),
            Tier.TrustApproval => new RoutingOutcome(tier, false, ApproverRoles.For(tier),
                [ConditionCodes.DpaRequired, ConditionCodes.DpiaRequired, ConditionCodes.TrainingBeforeFirstUse],
                [new RoutingReason("R6-DATA", "4.1", "The request involves personal data, so the CIO, CDO and DPO must approve it before use.")], null),
            _ => new RoutingOutcome(tier, tier == Tier.ItInstall, ApproverRoles.For(tier), [ConditionCodes.HumanReviewOfOutputs],
                [new RoutingReason("R11-BROWSER", "4.3", "A web-browser tool used without personal data can be used with your academy leader's approval.")], null),
        },
        State = state,
        PendingRoles = state == RequestState.Pending ? ApproverRoles.For(tier) : [],
        SubmittedAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
    };
}
