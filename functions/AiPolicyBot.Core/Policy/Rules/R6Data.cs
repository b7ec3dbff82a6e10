namespace AiPolicyBot.Policy.Rules;

/// <summary>R6: personal or commercially sensitive data (or "unsure") need Trust approval before use (§4.1).</summary>
public sealed class R6Data : RoutingRule
{
    public override string Id => "R6-DATA";

    public override RuleFiring? Evaluate(RoutingState s)
    {
        var d = s.Derived;
        if (!d.TouchesSensitiveData) return null;
        var i = s.Intake;
        var codes = new List<string> { ConditionCodes.TrustAccountOnly, ConditionCodes.Review12Months };
        if (d.HasPersonalData || d.DataUnsure) codes.Add(ConditionCodes.DpiaRequired);
        // Absent answers count against: no DPA known, or data may leave the UK/EEA.
        if (i.DpaAvailable != YesNoUnknown.Yes || i.DataLocation is not (DataLocation.Uk or DataLocation.Eea))
            codes.Add(ConditionCodes.DpaRequired);
        if (i.VendorTrainsOnInputs != VendorTraining.No) codes.Add(ConditionCodes.VendorTrainingOff);
        if (i.DataCategories.Contains(DataCategory.PupilWork)) codes.Add(ConditionCodes.IpConsent);
        return new RuleFiring("4.1",
            "The request involves personal or commercially sensitive data (or you are unsure), so the CIO, CDO and " +
            "DPO must approve it before use.", Tier.TrustApproval, codes);
    }
}
