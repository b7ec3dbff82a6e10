using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// What the register gains from a final decision (docs/policy-and-register.md), pure:
/// a Trust approval with personal data → approved with dataAllowed; an approval limited to no personal data →
/// approvedNoPersonalData (an academy approval scoped to that academy); a rejected new tool → declined with the
/// reason. reviewBy from REVIEW_6_MONTHS / REVIEW_12_MONTHS, never after Policy:NextPolicyReviewDate.
/// </summary>
public static class RegisterDecision
{
    /// <summary>The codes that describe the requester's situation, not the tool: never copied into the register.</summary>
    private static readonly HashSet<string> RequestOnlyCodes = [ConditionCodes.PossibleIncidentReview];

    /// <summary>The entry to write, or null when the register does not change (withdrawn, expired, a rejected new use of a known tool).</summary>
    public static RegisterEntry? For(ToolRequest request, RegisterEntry? existing, DateOnly today, DateOnly? nextPolicyReview) =>
        request.State switch
        {
            RequestState.Approved => Approved(request, existing, today, nextPolicyReview),
            RequestState.Rejected when existing is null && request.Intake.RequestType == RequestType.NewTool => Declined(request),
            _ => null,
        };

    /// <summary>The register id for a request: the matched entry, else a slug of the tool name.</summary>
    public static string EntryIdFor(ToolRequest request) =>
        request.Outcome.RegisterEntryId ?? Slug(request.Intake.ToolName);

    public static IReadOnlyList<string> ConditionsOf(ToolRequest request) =>
        ApprovalStateMachine.MergeConditions(request.Outcome.Conditions.Where(c => !RequestOnlyCodes.Contains(c)), request.AddedConditions);

    public static DateOnly? ReviewBy(IReadOnlyCollection<string> conditions, DateOnly decidedOn, DateOnly? nextPolicyReview)
    {
        DateOnly? due = conditions.Contains(ConditionCodes.Review6Months) ? decidedOn.AddMonths(6)
            : conditions.Contains(ConditionCodes.Review12Months) ? decidedOn.AddMonths(12)
            : null;
        if (due is null) return null;
        return nextPolicyReview is { } cap && cap < due ? cap : due;
    }

    private static RegisterEntry Approved(ToolRequest request, RegisterEntry? existing, DateOnly today, DateOnly? nextPolicyReview)
    {
        var intake = request.Intake;
        var conditions = ConditionsOf(request);
        var noData = conditions.Contains(ConditionCodes.NoPersonalOrSensitiveData)
            || request.Outcome.Tier != Tier.TrustApproval
            || !HasPersonalData(intake);
        // What the approvers narrowed at approval (never wider than asked: ApprovalScopes) overrides what was asked.
        var narrowed = request.ApprovedScope;
        if (narrowed?.Data is { } data && !data.Any(d => d != DataCategory.None)) noData = true;
        var users = narrowed?.Users ?? intake.Users;
        var scope = new RegisterScope
        {
            Users = conditions.Contains(ConditionCodes.LearnerUseProhibited) ? UserGroup.Staff : users,
            MinYearGroup = users == UserGroup.Staff ? null : narrowed?.YoungestYearGroup ?? intake.YoungestYearGroup,
            DataAllowed = !noData,
            Academies = request.Outcome.Tier == Tier.AcademyApproval || narrowed?.OnlyRequestingAcademy == true ? [intake.AcademyId] : null,
            UseCategories = [intake.UseCategory],
        };
        var wider = existing is { Status: RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData or RegisterStatus.UnderReview }
            ? Widen(existing.Scope, scope)
            : scope;
        if (!noData) conditions = [.. conditions.Where(c => c != ConditionCodes.NoPersonalOrSensitiveData)];
        return new RegisterEntry
        {
            Id = existing?.Id ?? EntryIdFor(request),
            Name = existing?.Name ?? intake.ToolName,
            Vendor = existing?.Vendor ?? intake.Vendor,
            Edition = intake.Edition,
            Aliases = existing?.Aliases ?? [],
            Status = noData ? RegisterStatus.ApprovedNoPersonalData : RegisterStatus.Approved,
            Scope = wider with { DataAllowed = !noData },
            Conditions = conditions,
            ReviewBy = ApprovalScopes.Earliest(request.ReviewDate, ReviewBy(conditions, today, nextPolicyReview)),
            DecisionReason = null,
            DecisionReference = request.Reference,
            Description = existing?.Description ?? intake.Purpose,
            Url = existing?.Url ?? intake.ToolUrl,
            ChecksPending = [.. DueDiligence.Outstanding(request).Select(i => i.Title)],
        };
    }

    private static RegisterEntry Declined(ToolRequest request) => new()
    {
        Id = EntryIdFor(request),
        Name = request.Intake.ToolName,
        Vendor = request.Intake.Vendor,
        Edition = request.Intake.Edition,
        Status = RegisterStatus.Declined,
        DecisionReason = request.Decisions.LastOrDefault(d => d.Kind == DecisionKind.Reject)?.Comment,
        DecisionReference = request.Reference,
        Url = request.Intake.ToolUrl,
    };

    private static RegisterScope Widen(RegisterScope old, RegisterScope added) => new()
    {
        Users = old.Users == added.Users ? old.Users
            : old.Users is null || added.Users is null ? null
            : UserGroup.StaffAndLearners,
        MinYearGroup = old.MinYearGroup is null || added.MinYearGroup is null ? old.MinYearGroup ?? added.MinYearGroup
            : (YearGroup)Math.Min((int)old.MinYearGroup, (int)added.MinYearGroup),
        Academies = old.Academies is null || added.Academies is null ? null : [.. old.Academies.Union(added.Academies).Order()],
        UseCategories = old.UseCategories is null || added.UseCategories is null ? null : [.. old.UseCategories.Union(added.UseCategories).Order()],
        DataAllowed = added.DataAllowed,
    };

    private static bool HasPersonalData(Intake intake) =>
        intake.DataCategories.Any(c => c is not DataCategory.None);

    public static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "tool" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
