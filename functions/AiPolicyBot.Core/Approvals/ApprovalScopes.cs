using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// An approver may narrow what a request asked for, never widen it (docs/spec/due-diligence.md): fewer users, older
/// learners, less data, only the requesting academy; and a review date in the future, no later than a year ahead.
/// Several approvers' narrowings combine to the narrowest.
/// </summary>
public static class ApprovalScopes
{
    public const int MaxReviewMonths = 12;

    /// <summary>Null when <paramref name="scope"/> fits inside the request; otherwise the field and what is wrong.</summary>
    public static (string Field, string Problem)? Wider(Intake asked, ApprovalScope scope)
    {
        if (scope.Users is { } users && !Within(users, asked.Users))
            return ("users", $"The request asked for {Words(asked.Users)}; an approval cannot add {Words(users)}.");
        if (scope.YoungestYearGroup is { } year)
        {
            var learners = (scope.Users ?? asked.Users) != UserGroup.Staff;
            if (!learners) return ("yearGroup", "A youngest year group applies only when learners use the tool.");
            if (asked.YoungestYearGroup is { } askedYear && year.YoungestAge() < askedYear.YoungestAge())
                return ("yearGroup", $"The request starts at {UseCheck.YearName(askedYear)}; an approval cannot go younger.");
        }
        // FirstOrDefault gives None (the enum's default) when every category was asked for.
        if (scope.Data?.FirstOrDefault(d => d != DataCategory.None && !asked.DataCategories.Contains(d)) is { } extra && extra != DataCategory.None)
            return ("data", $"The request did not ask to use {extra} data; an approval cannot add it.");
        return null;
    }

    public static string? ReviewDateProblem(DateOnly date, DateOnly today) =>
        date <= today ? "The review date must be in the future."
        : date > today.AddMonths(MaxReviewMonths) ? $"The review date can be at most {MaxReviewMonths} months ahead."
        : null;

    /// <summary>The narrowest of two scopes (either may be null: as asked).</summary>
    public static ApprovalScope? Narrowest(ApprovalScope? a, ApprovalScope? b)
    {
        if (a is null || a.IsEmpty) return b is { IsEmpty: false } ? b : null;
        if (b is null || b.IsEmpty) return a;
        return new ApprovalScope
        {
            OnlyRequestingAcademy = a.OnlyRequestingAcademy || b.OnlyRequestingAcademy,
            Users = a.Users is null ? b.Users : b.Users is null ? a.Users : a.Users == b.Users ? a.Users : UserGroup.Staff,
            YoungestYearGroup = a.YoungestYearGroup is null ? b.YoungestYearGroup : b.YoungestYearGroup is null ? a.YoungestYearGroup
                : a.YoungestYearGroup.Value.YoungestAge() >= b.YoungestYearGroup.Value.YoungestAge() ? a.YoungestYearGroup : b.YoungestYearGroup,
            Data = a.Data is null ? b.Data : b.Data is null ? a.Data : [.. a.Data.Intersect(b.Data)],
        };
    }

    public static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static bool Within(UserGroup narrowed, UserGroup asked) => narrowed == asked || asked == UserGroup.StaffAndLearners;

    private static string Words(UserGroup users) => users switch
    {
        UserGroup.Staff => "staff",
        UserGroup.Learners => "learners",
        _ => "staff and learners",
    };
}
