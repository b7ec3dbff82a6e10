using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>One go-live check: a stable code, what it asks, and the role whose holder normally ticks it.</summary>
public sealed record DueDiligenceItem(string Code, string Title, string OwnerRole);

/// <summary>
/// The due-diligence checklist of a request (docs/spec/due-diligence.md): only the items its routing and added
/// conditions call for. An approved request with an unticked item is "approved, checks pending" until every item
/// has been ticked by a named person.
/// </summary>
public static class DueDiligence
{
    public static readonly DueDiligenceItem Dpia = new("dpia", "DPIA completed and signed off", ApproverRoles.Dpo);
    public static readonly DueDiligenceItem Dpa = new("dpa", "Data processing agreement (and transfer terms) in place", ApproverRoles.Dpo);
    public static readonly DueDiligenceItem Security = new("security", "Security evidence reviewed (certifications, hosting, access scopes)", ApproverRoles.Cio);
    public static readonly DueDiligenceItem Safeguarding = new("safeguarding", "Safeguarding lead signed off filtering and monitoring", ApproverRoles.Dpo);
    public static readonly DueDiligenceItem PrivacyNotice = new("privacyNotice", "Privacy notice updated", ApproverRoles.Dpo);
    public static readonly DueDiligenceItem Equality = new("equality", "Bias and equality review (policy 3.3)", ApproverRoles.Cdo);
    public static readonly DueDiligenceItem VendorTraining = new("vendorTraining", "Vendor training on inputs switched off", ApproverRoles.Cdo);
    public static readonly DueDiligenceItem Jcq = new("jcq", "JCQ AI-use rules: exams officer informed", ApproverRoles.AcademyLeader);
    public static readonly DueDiligenceItem Incident = new("incident", "Possible data incident reviewed (ICO 72-hour clock)", ApproverRoles.Dpo);

    /// <summary>
    /// The checklist in order, each item with the condition code that calls for it. Security is also called for by the
    /// tiers that put a tool on Trust systems (<see cref="CalledFor"/>).
    /// </summary>
    private static readonly (DueDiligenceItem Item, string Condition)[] Checklist =
    [
        (Dpia, ConditionCodes.DpiaRequired), (Dpa, ConditionCodes.DpaRequired), (Security, ConditionCodes.LeastPrivilegeScopes),
        (Safeguarding, ConditionCodes.SafeguardingFiltering), (PrivacyNotice, ConditionCodes.PrivacyNoticeUpdate),
        (Equality, ConditionCodes.EqualityReview), (VendorTraining, ConditionCodes.VendorTrainingOff), (Jcq, ConditionCodes.JcqRules),
        (Incident, ConditionCodes.PossibleIncidentReview),
    ];

    /// <summary>A link to evidence is optional, but kept short and https-only (it is shown on cards).</summary>
    public const int MaxLinkLength = 500;

    public static IReadOnlyList<DueDiligenceItem> For(ToolRequest request)
    {
        var codes = new HashSet<string>(request.Outcome.Conditions.Concat(request.AddedConditions), StringComparer.Ordinal);
        return [.. Checklist.Where(check => CalledFor(check.Item, check.Condition, request, codes)).Select(check => check.Item)];
    }

    private static bool CalledFor(DueDiligenceItem item, string condition, ToolRequest request, HashSet<string> codes) =>
        codes.Contains(condition) || (item == Security && request.Outcome.Tier is Tier.TrustApproval or Tier.ItInstall);

    /// <summary>The items nobody has ticked yet, in checklist order.</summary>
    public static IReadOnlyList<DueDiligenceItem> Outstanding(ToolRequest request) =>
        [.. For(request).Where(item => !request.Checks.Any(t => t.Code == item.Code))];

    /// <summary>Approved, but go-live checks are still open: not live until they are ticked.</summary>
    public static bool ChecksPending(ToolRequest request) =>
        request.State == RequestState.Approved && Outstanding(request).Count > 0;

    /// <summary>
    /// Who may tick an item: a holder (or deputy) of any role on the request's route or of the item's owner role,
    /// never the requester (separation of duties), while the request is pending or approved.
    /// </summary>
    public static bool MayTick(ToolRequest request, ApproverDirectory directory, string? userId, DueDiligenceItem? item = null)
    {
        if (string.IsNullOrWhiteSpace(userId)) return false;
        if (request.State is not (RequestState.Pending or RequestState.MoreInformationRequested or RequestState.Approved)) return false;
        if (string.Equals(request.RequesterId, userId, StringComparison.OrdinalIgnoreCase) && !directory.LocalDemoSelfApproval) return false;
        IEnumerable<string> roles = item is null ? request.Outcome.ApproverRoles : request.Outcome.ApproverRoles.Append(item.OwnerRole);
        if (item is null) roles = roles.Concat(For(request).Select(i => i.OwnerRole));
        return roles.Distinct(StringComparer.Ordinal).Any(role => directory.Holds(userId, role, request.Intake.AcademyId));
    }

    /// <summary>An optional evidence link: absolute https, short, no credentials.</summary>
    public static bool IsAcceptableLink(string link) =>
        link.Length <= MaxLinkLength && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo);
}
