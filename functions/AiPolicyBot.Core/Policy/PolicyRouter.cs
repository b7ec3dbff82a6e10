using AiPolicyBot.Policy.Rules;
using AiPolicyBot.Register;

namespace AiPolicyBot.Policy;

/// <summary>
/// Routes a valid intake to an outcome with rules R0–R12 (docs/policy-and-register.md). Pure and deterministic: the
/// register, the training record and today's date are inputs. The outcome is never a decision.
/// </summary>
public sealed class PolicyRouter(PolicyOptions options)
{
    private static readonly RoutingRule R0 = new R0Declaration();
    private static readonly RoutingRule[] PhaseB = [new R1AutomatedDecisions(), new R2Declined(), new R3Age(), new R4Jcq()];
    private static readonly RoutingRule R5 = new R5AlreadyApproved();
    private static readonly RoutingRule R10 = new R10Install();
    private static readonly RoutingRule[] PhaseD =
        [new R6Data(), new R7Decisions(), new R8Learner(), new R9Tenant(), R10, new R11Browser(), new R12Fallback()];

    public RoutingOutcome Evaluate(Intake intake, RegisterSnapshot register, bool trainingDone, DateOnly today)
    {
        var state = new RoutingState(intake, options, register.FindExact(intake.ToolName), trainingDone, today);
        var conditions = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new List<RoutingReason>();

        void Run(RoutingRule rule)
        {
            if (rule.Evaluate(state) is not { } firing) return;
            reasons.Add(new RoutingReason(rule.Id, firing.PolicySection, firing.Text));
            conditions.UnionWith(firing.Conditions);
            if (firing.Tier is { } tier && state.Tier is null) state.Tier = tier;
        }

        // Phase A (intake) and B (prohibitions: every one is evaluated so all reasons are shown).
        Run(R0);
        foreach (var rule in PhaseB) Run(rule);
        if (state.Tier == Tier.Prohibited)
        {
            conditions.IntersectWith([ConditionCodes.PossibleIncidentReview]);
            return Assemble(state, conditions, reasons);
        }

        // Phase C: already approved within scope; only the IT-install flag can still apply.
        Run(R5);
        if (state.Tier == Tier.AlreadyApproved)
        {
            Run(R10);
            return Assemble(state, conditions, reasons);
        }

        // Phase D: routing.
        if (state.AppealMode) state.Tier = Tier.TrustApproval;
        foreach (var rule in PhaseD) Run(rule);
        return Assemble(state, conditions, reasons);
    }

    private static RoutingOutcome Assemble(RoutingState state, HashSet<string> conditions, List<RoutingReason> reasons)
    {
        var tier = state.Tier ?? Tier.TrustApproval; // unreachable: R12 always sets a tier when none was set
        if (tier == Tier.TrustApproval) conditions.Add(ConditionCodes.TrainingBeforeFirstUse);
        if (conditions.Contains(ConditionCodes.Review6Months)) conditions.Remove(ConditionCodes.Review12Months);
        var sorted = conditions.ToList();
        sorted.Sort(string.CompareOrdinal);
        return new RoutingOutcome(
            tier,
            RequiresItInstall: tier != Tier.Prohibited && state.RequiresItInstall,
            ApproverRoles.For(tier),
            sorted,
            reasons,
            state.RegisterEntryId);
    }
}
