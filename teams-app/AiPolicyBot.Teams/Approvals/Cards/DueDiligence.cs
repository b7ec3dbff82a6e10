using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Teams.Approvals.Cards;

/// <summary>The due-diligence checklist of an approval card: only the items the request's conditions call for.</summary>
public static class DueDiligence
{
    public sealed record Item(string Title, string Owner);

    public static IReadOnlyList<Item> For(ToolRequest request)
    {
        var codes = new HashSet<string>(request.Outcome.Conditions.Concat(request.AddedConditions), StringComparer.Ordinal);
        var items = new List<Item>();
        if (codes.Contains(ConditionCodes.DpiaRequired)) items.Add(new("DPIA completed and signed off", "DPO"));
        if (codes.Contains(ConditionCodes.DpaRequired)) items.Add(new("Data processing agreement (and transfer terms) in place", "DPO"));
        if (request.Outcome.Tier is Tier.TrustApproval or Tier.ItInstall || codes.Contains(ConditionCodes.LeastPrivilegeScopes))
            items.Add(new("Security evidence reviewed (certifications, hosting, access scopes)", "CIO / IT"));
        if (codes.Contains(ConditionCodes.EqualityReview)) items.Add(new("Bias and equality review (policy 3.3)", "CDO"));
        if (codes.Contains(ConditionCodes.VendorTrainingOff)) items.Add(new("Vendor training on inputs switched off", "CDO"));
        if (codes.Contains(ConditionCodes.JcqRules)) items.Add(new("JCQ AI-use rules: exams officer informed", "Academy"));
        if (codes.Contains(ConditionCodes.SafeguardingFiltering)) items.Add(new("Safeguarding: filtering and monitoring, DSL sign-off", "DSL"));
        if (codes.Contains(ConditionCodes.PrivacyNoticeUpdate)) items.Add(new("Privacy notice updated", "DPO"));
        if (codes.Contains(ConditionCodes.PossibleIncidentReview)) items.Add(new("Possible data incident reviewed (ICO 72-hour clock)", "DPO"));
        return items;
    }
}
