using AiPolicyBot.Policy;
using AiPolicyBot.Training;

namespace AiPolicyBot.Register;

/// <summary>What a person said about how they want to use a tool (hints from their message; all optional).</summary>
public sealed record UseQuestion(
    bool PersonalData = false,
    bool LearnersUse = false,
    YearGroup? YoungestYearGroup = null,
    UseCategory? UseCategory = null,
    string? Academy = null);

/// <summary>The answer to "can I use this tool (for this)?" for one person, before any request.</summary>
public enum UseVerdict
{
    /// <summary>Approved in the register for this use, and nothing left for this person to do.</summary>
    Allowed,
    /// <summary>Approved for this use, but this person must complete the training first.</summary>
    AllowedAfterTraining,
    /// <summary>Approved, but not for what the question describes (data, learners, age, use): a new-use request.</summary>
    NotForThisUse,
    UnderReview,
    NotAssessed,
    Declined,
    Retired,
    /// <summary>Its review date has passed: treated as under review until re-approved.</summary>
    ReviewLapsed,
    /// <summary>Approved, but go-live checks are still open (<see cref="RegisterEntry.ChecksPending"/>): not yet.</summary>
    ChecksPending,
}

/// <summary>Why a use is outside an approval, in plain English, with the policy section behind it.</summary>
public sealed record ScopeGap(string Text, string PolicySection);

public sealed record UseAssessment(UseVerdict Verdict, RegisterEntry Entry, IReadOnlyList<ScopeGap> Gaps, bool DataAllowed, bool TrainingRequired, bool TrainingDone)
{
    /// <summary>
    /// The academies an approval is limited to when the person's academy is not known: the answer must say so
    /// rather than a plain "yes" (empty when the approval covers every academy or the academy was known).
    /// </summary>
    public IReadOnlyList<string> OnlyAtAcademies { get; init; } = [];

    /// <summary>
    /// The person attested once, but that attestation expired (its months ran out, or the policy version changed):
    /// they must retrain before using the tool again (docs/spec/training-records.md).
    /// </summary>
    public bool TrainingExpired { get; init; }

    /// <summary>The policy section that applies to this answer.</summary>
    public string PolicySection => Verdict switch
    {
        UseVerdict.NotForThisUse => Gaps[0].PolicySection,
        UseVerdict.AllowedAfterTraining => "4.2",
        UseVerdict.Declined or UseVerdict.Retired => "3.4",
        UseVerdict.Allowed when DataAllowed => "4.1",
        _ => "3.1",
    };
}

/// <summary>
/// Answers "can I use X?" from a register entry, the question's hints and the person's training record, the same
/// way rule R5 reads the register (docs/policy-and-register.md): approved status, scope (data, users, age, use), review date,
/// and TRAINING_BEFORE_FIRST_USE. Pure; the snapshot and the training set come from caches.
/// </summary>
public static class UseCheck
{
    public static UseAssessment Assess(RegisterEntry entry, UseQuestion question, IReadOnlySet<string> trainedEntryIds, DateOnly today)
    {
        var trainingRequired = entry.Conditions.Contains(ConditionCodes.TrainingBeforeFirstUse);
        var trainingDone = trainedEntryIds.Contains(entry.Id);
        var dataAllowed = entry.Status == RegisterStatus.Approved && (entry.Scope.DataAllowed ?? true);
        UseAssessment Result(UseVerdict v, IReadOnlyList<ScopeGap>? gaps = null) =>
            new(v, entry, gaps ?? [], dataAllowed, trainingRequired, trainingDone);

        switch (entry.Status)
        {
            case RegisterStatus.Declined: return Result(UseVerdict.Declined);
            case RegisterStatus.Retired: return Result(UseVerdict.Retired);
            case RegisterStatus.UnderReview: return Result(UseVerdict.UnderReview);
            case RegisterStatus.NotAssessed: return Result(UseVerdict.NotAssessed);
        }
        if (entry.ReviewBy is { } reviewBy && reviewBy < today) return Result(UseVerdict.ReviewLapsed);
        if (entry.ChecksPending.Count > 0) return Result(UseVerdict.ChecksPending);

        var gaps = new List<ScopeGap>();
        if (question.PersonalData && !dataAllowed)
            gaps.Add(new ScopeGap("it is approved only without personal or commercially sensitive data, and your question involves personal data", "3.1"));
        if (question.LearnersUse && entry.Scope.Users == UserGroup.Staff)
            gaps.Add(new ScopeGap("it is approved for staff only, not for learners to use", "5.1"));
        else if (question.LearnersUse && question.YoungestYearGroup is { } youngest && entry.Scope.MinYearGroup is { } min
                 && youngest.YoungestAge() < min.YoungestAge())
            gaps.Add(new ScopeGap($"learners must be in {YearName(min)} or above", "5.1"));
        if (question.UseCategory is { } use && entry.Scope.UseCategories is { } uses && !uses.Contains(use))
            gaps.Add(new ScopeGap("it is not approved for this kind of use", "3.4"));
        // An approval limited to some academies is a "yes" only at those; asked trust-wide ("trust"), it is not.
        var onlyAt = entry.Scope.Academies is { Count: > 0 } academies ? academies : null;
        if (onlyAt is not null && question.Academy is { } academy && !onlyAt.Contains(academy, StringComparer.OrdinalIgnoreCase))
            gaps.Add(new ScopeGap("it is approved only at " + string.Join(", ", onlyAt) + ", not at " + academy, "3.4"));
        if (gaps.Count > 0) return Result(UseVerdict.NotForThisUse, gaps);

        var verdict = Result(trainingRequired && !trainingDone ? UseVerdict.AllowedAfterTraining : UseVerdict.Allowed);
        return onlyAt is not null && question.Academy is null ? verdict with { OnlyAtAcademies = onlyAt } : verdict;
    }

    public static string YearName(YearGroup y) => y switch
    {
        YearGroup.Eyfs => "early years (EYFS)",
        YearGroup.Post16 => "post-16",
        _ => "Year " + (int)y,
    };
}
