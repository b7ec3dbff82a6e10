namespace AiPolicyBot.Policy.Rules;

/// <summary>R10: installed software is authorised and installed by IT (§4.3); also a fulfilment flag on any tier.</summary>
public sealed class R10Install : RoutingRule
{
    public override string Id => "R10-INSTALL";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        if (!s.Derived.Installed) return null;
        s.RequiresItInstall = true;
        return RuleFiring.Of("4.3",
            "The tool must be installed; software on Trust and academy devices must be authorised and installed by IT.",
            Tier.ItInstall, ConditionCodes.ItManagedDeployment);
    }
}
