namespace AiPolicyBot.Policy.Rules;

/// <summary>R9: API access or sign-in consent to Trust data needs Trust approval and least-privilege consent (§4.1).</summary>
public sealed class R9Tenant : RoutingRule
{
    public override string Id => "R9-TENANT";

    public override RuleFiring? Evaluate(RoutingState s) => !s.Derived.TenantConsent ? null : RuleFiring.Of("4.1",
        "The tool connects to Trust systems or data through an API or sign-in consent, so Trust approval and a " +
        "least-privilege admin consent are required.", Tier.TrustApproval,
        ConditionCodes.LeastPrivilegeScopes, ConditionCodes.DpiaRequired);
}
