namespace AiPolicyBot.Policy.Rules;

/// <summary>R11: the only route to academy approval: a web-browser tool with nothing that needs the Trust (§4.3).</summary>
public sealed class R11Browser : RoutingRule
{
    public override string Id => "R11-BROWSER";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        if (s.Tier is not null || s.Intake.AccessMode != AccessMode.WebBrowser) return null;
        var codes = new List<string>
        {
            ConditionCodes.NoPersonalOrSensitiveData, ConditionCodes.HumanReviewOfOutputs, ConditionCodes.Review12Months,
        };
        if (s.Intake.AccountType is AccountType.TrustSso or AccountType.Personal or AccountType.PupilAccounts)
            codes.Add(ConditionCodes.TrustAccountOnly);
        if (s.Intake.VendorTrainsOnInputs != VendorTraining.No) codes.Add(ConditionCodes.IpNoPupilWork);
        return new RuleFiring("4.3",
            "A web-browser tool used without personal or commercially sensitive data can be used with your academy " +
            "leader's approval.", Tier.AcademyApproval, codes);
    }
}
