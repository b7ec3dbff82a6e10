namespace AiPolicyBot.Policy.Rules;

/// <summary>R1: solely automated decisions about people are prohibited (§3.4, §3.2).</summary>
public sealed class R1AutomatedDecisions : RoutingRule
{
    public override string Id => "R1-ADM";

    public override RuleFiring? Evaluate(RoutingState s) => !s.Derived.SolelyAutomated ? null : RuleFiring.Of("3.4",
        "Automated decision-making that affects people is prohibited by Trust policy. Outputs about people must be " +
        "reviewed by a person before use; you can resubmit with human review of every output.",
        Tier.Prohibited);
}
