namespace AiPolicyBot.Policy.Rules;

/// <summary>
/// One row of the rule table (docs/policy-and-register.md). <see cref="Evaluate"/> returns null when the rule does not fire;
/// otherwise what it contributes. A rule may also set the few flags later rules read (e.g. R3's staff continuation).
/// </summary>
public abstract class RoutingRule
{
    /// <summary>The rule id as it appears in reasons, e.g. "R6-DATA".</summary>
    public abstract string Id { get; }

    public abstract RuleFiring? Evaluate(RoutingState state);
}

/// <summary>What a rule adds when it fires: the policy section, the plain-English reason, a tier (if any) and codes.</summary>
public sealed record RuleFiring(string PolicySection, string Text, Tier? Tier, IReadOnlyList<string> Conditions)
{
    public static RuleFiring Of(string section, string text, Tier? tier = null, params string[] conditions) =>
        new(section, text, tier, conditions);
}
