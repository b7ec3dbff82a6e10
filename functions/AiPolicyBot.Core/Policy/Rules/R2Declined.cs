using AiPolicyBot.Register;

namespace AiPolicyBot.Policy.Rules;

/// <summary>
/// R2: the register says the Trust declined or retired this tool. A renewal is an appeal: no prohibition, and the
/// router sends it to the Trust approvers at the start of phase D (§3.4).
/// </summary>
public sealed class R2Declined : RoutingRule
{
    public override string Id => "R2-DECLINED";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        var entry = s.Matches.FirstOrDefault(e => e.Status is RegisterStatus.Declined or RegisterStatus.Retired);
        if (entry is null) return null;
        s.RegisterEntryId = entry.Id;
        if (s.Intake.RequestType == RequestType.Renewal)
        {
            s.AppealMode = true;
            return RuleFiring.Of("3.4",
                "This is a re-review of a tool the Trust declined or retired; the Trust approvers will decide.");
        }
        var verb = entry.Status == RegisterStatus.Retired ? "retired" : "declined";
        var why = string.IsNullOrWhiteSpace(entry.DecisionReason) ? "" : $": {entry.DecisionReason.Trim().TrimEnd('.')}";
        return RuleFiring.Of("3.4",
            $"The Trust {verb} this tool ({entry.Name}){why}. To ask for a re-review, submit a renewal request.",
            Tier.Prohibited);
    }
}
