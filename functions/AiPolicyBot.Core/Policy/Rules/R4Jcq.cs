namespace AiPolicyBot.Policy.Rules;

/// <summary>R4: JCQ rules. AI writing work a learner submits as their own is prohibited; other assessed work adds JCQ_RULES (§5.1).</summary>
public sealed class R4Jcq : RoutingRule
{
    public override string Id => "R4-JCQ";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        if (s.Intake.AiProducesAssessedWork)
            return RuleFiring.Of("5.1", "AI may not produce work that learners submit as their own for assessment.",
                Tier.Prohibited);
        if (s.Intake.JcqAssessed != JcqAssessed.No)
            return RuleFiring.Of("5.1", "Assessed work is involved, so JCQ rules on AI use apply.", null,
                ConditionCodes.JcqRules);
        return null;
    }
}
