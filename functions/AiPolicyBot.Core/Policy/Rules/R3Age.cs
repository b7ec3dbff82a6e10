namespace AiPolicyBot.Policy.Rules;

/// <summary>
/// R3: the youngest learners are below the effective minimum age (§5.1). Learners only: prohibited. Staff and
/// learners: learners are excluded and the request continues for staff use only.
/// </summary>
public sealed class R3Age : RoutingRule
{
    public override string Id => "R3-AGE";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        var d = s.Derived;
        if (!s.LearnerFacing || d.EffectiveMinAge <= 0 || d.YoungestAge is not { } age || age >= d.EffectiveMinAge)
            return null;
        var text = $"The youngest learners (age {age}) are below the minimum age {d.EffectiveMinAge} for this tool, " +
                   "so learners may not use it.";
        if (s.Intake.Users == UserGroup.Learners) return RuleFiring.Of("5.1", text, Tier.Prohibited);
        s.StaffContinuation = true;
        return RuleFiring.Of("5.1", text + " This request is assessed for staff use only.", null,
            ConditionCodes.LearnerUseProhibited);
    }
}
