namespace AiPolicyBot.Policy.Rules;

/// <summary>R0: the requester may already have put data into the tool. Never changes the tier (§3.1).</summary>
public sealed class R0Declaration : RoutingRule
{
    public override string Id => "R0-DECLARATION";

    public override RuleFiring? Evaluate(RoutingState s) => s.Intake.DeclNoDataYet ? null : RuleFiring.Of("3.1",
        "You said you may already have entered personal or commercially sensitive data into this tool. Only approved " +
        "tools may receive such data, so the Data Protection Officer will check whether this is a data incident.",
        null, ConditionCodes.PossibleIncidentReview);
}
