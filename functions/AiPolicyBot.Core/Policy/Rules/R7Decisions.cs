namespace AiPolicyBot.Policy.Rules;

/// <summary>
/// R7: outputs that inform decisions about people or have significant effects go to the Trust (§3.2); otherwise a
/// possible difference by protected characteristic adds an equality review (§3.3).
/// </summary>
public sealed class R7Decisions : RoutingRule
{
    public override string Id => "R7-DECISIONS";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        if (s.Derived.AboutIndividuals || s.Derived.Significant)
            return RuleFiring.Of("3.2",
                "The output informs decisions about people or could significantly affect them, so Trust approval and " +
                "human review are required.", Tier.TrustApproval,
                ConditionCodes.HumanReview, ConditionCodes.ExplainabilityRecord, ConditionCodes.EqualityReview,
                ConditionCodes.DpiaRequired, ConditionCodes.Review6Months);
        if (s.Intake.ProtectedCharacteristicImpact is YesNoUnsure.Yes or YesNoUnsure.Unsure)
            return RuleFiring.Of("3.3",
                "Results could differ by protected characteristic, so bias must be considered before approval.",
                null, ConditionCodes.EqualityReview);
        return null;
    }
}
