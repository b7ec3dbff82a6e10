namespace AiPolicyBot.Policy.Rules;

/// <summary>R8: learner-facing tools involve children's data and safeguarding, so the Trust approves them (§4.1).</summary>
public sealed class R8Learner : RoutingRule
{
    public override string Id => "R8-LEARNER";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        if (!s.LearnerFacing) return null;
        var codes = new List<string>
        {
            ConditionCodes.SafeguardingFiltering, ConditionCodes.PrivacyNoticeUpdate,
            ConditionCodes.DpiaRequired, ConditionCodes.Review6Months,
        };
        if (s.Derived.EffectiveMinAge > 0) codes.Add(ConditionCodes.MinAge);
        if (s.Derived.YoungestAge is { } age && age < s.Options.SupervisedUseBelowAge) codes.Add(ConditionCodes.SupervisedUse);
        return new RuleFiring("4.1",
            "Learners will use this tool, which involves children's personal data and safeguarding, so Trust approval " +
            "is required.", Tier.TrustApproval, codes);
    }
}
