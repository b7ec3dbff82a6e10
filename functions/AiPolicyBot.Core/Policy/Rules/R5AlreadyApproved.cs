using AiPolicyBot.Register;

namespace AiPolicyBot.Policy.Rules;

/// <summary>
/// R5: exactly one matching register entry is approved and covers this request (docs/policy-and-register.md). The entry's
/// conditions apply; training already done removes TRAINING_BEFORE_FIRST_USE for this requester (§3.1).
/// </summary>
public sealed class R5AlreadyApproved : RoutingRule
{
    public override string Id => "R5-APPROVED";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        // Several matches are a data error: never say "already approved" on ambiguous data.
        if (s.Matches.Count != 1) return null;
        var entry = s.Matches[0];
        if (!ScopeCover.Covers(entry, s)) return null;

        var conditions = new List<string>(entry.Conditions);
        if (entry.Status == RegisterStatus.ApprovedNoPersonalData) conditions.Add(ConditionCodes.NoPersonalOrSensitiveData);
        if (s.TrainingDone) conditions.RemoveAll(c => c == ConditionCodes.TrainingBeforeFirstUse);
        s.RegisterEntryId = entry.Id;

        var status = WireName(entry.Status);
        var text = $"This tool is already approved in the register for this use ({status}); its conditions apply.";
        if (conditions.Contains(ConditionCodes.TrainingBeforeFirstUse)) text += " Complete the training before first use.";
        return new RuleFiring("3.1", text, Tier.AlreadyApproved, conditions);
    }

    private static string WireName(RegisterStatus status) => Common.WireEnum<RegisterStatus>.Name(status);
}
