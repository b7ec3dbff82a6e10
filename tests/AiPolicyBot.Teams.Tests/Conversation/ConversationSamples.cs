using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Testing.Requests;

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

    public static Intake Intake(string toolName = "ExampleChat", string purpose = "Draft a Year 9 history quiz from made-up source material.") =>
        RequestSamples.Intake(toolName) with { Purpose = purpose };

    public static ToolRequest Request(Tier tier, string toolName = "ExampleChat", RequestState state = RequestState.Pending) =>
        RequestSamples.Request(intake: Intake(toolName), state: state, outcome: tier switch
        {
            Tier.Prohibited => new RoutingOutcome(tier, false, [], [],
                [new RoutingReason("R1-ADM", "3.4", "Automated decision-making that affects people is prohibited by Trust policy.")], null),
            Tier.AlreadyApproved => new RoutingOutcome(tier, false, [], [ConditionCodes.NoPersonalOrSensitiveData],
                [new RoutingReason("R5-APPROVED", "3.1", "This tool is already approved in the register for this use.")], "chatgpt-free"),
            Tier.TrustApproval => RequestSamples.TrustOutcome(),
            _ => RequestSamples.AcademyOutcome() with { Tier = tier, RequiresItInstall = tier == Tier.ItInstall, ApproverRoles = ApproverRoles.For(tier) },
        });
}
