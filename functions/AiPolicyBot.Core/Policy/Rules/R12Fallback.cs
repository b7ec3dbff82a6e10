namespace AiPolicyBot.Policy.Rules;

/// <summary>R12: the fail-safe. Anything no earlier rule routed goes to the Trust for manual triage (§3.4).</summary>
public sealed class R12Fallback : RoutingRule
{
    public override string Id => "R12-FALLBACK";

    public override RuleFiring? Evaluate(RoutingState s) => s.Tier is not null ? null : RuleFiring.Of("3.4",
        "The answers do not fit a simpler route, so the Trust approvers will triage this request manually.",
        Tier.TrustApproval);
}
