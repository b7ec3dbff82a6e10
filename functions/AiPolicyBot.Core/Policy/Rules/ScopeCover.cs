using AiPolicyBot.Register;

namespace AiPolicyBot.Policy.Rules;

/// <summary>Does an approved register entry cover a request? (docs/policy-and-register.md).</summary>
public static class ScopeCover
{
    public static bool Covers(RegisterEntry entry, RoutingState s)
    {
        if (entry.Status is not (RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData)) return false;
        var scope = entry.Scope;

        var dataAllowed = entry.Status == RegisterStatus.Approved && (scope.DataAllowed ?? true);
        if (!dataAllowed && s.Derived.TouchesSensitiveData) return false;

        if (scope.Users is { } allowed && !IsSubset(s.EffectiveUsers, allowed)) return false;

        if (s.LearnerFacing && scope.MinYearGroup is { } minYear
            && (s.Derived.YoungestAge ?? 0) < minYear.YoungestAge()) return false;

        if (scope.Academies is { } academies && !academies.Contains(s.Intake.AcademyId, StringComparer.Ordinal)) return false;
        if (scope.UseCategories is { } uses && !uses.Contains(s.Intake.UseCategory)) return false;

        // A lapsed entry covers nothing until it is reviewed again.
        return entry.ReviewBy is not { } reviewBy || reviewBy >= s.Today;
    }

    private static bool IsSubset(UserGroup requested, UserGroup allowed) => allowed switch
    {
        UserGroup.StaffAndLearners => true,
        _ => requested == allowed,
    };
}
