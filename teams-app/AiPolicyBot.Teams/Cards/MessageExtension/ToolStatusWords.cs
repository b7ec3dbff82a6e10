using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// A register tool's status for everyone, in plain words (no question, no person: the status as the register says
/// it today, with a lapsed review treated as not approved, exactly as <see cref="UseCheck"/> does).
/// </summary>
public static class ToolStatusWords
{
    public static UseAssessment Assess(RegisterEntry entry, DateOnly today) =>
        UseCheck.Assess(entry, new UseQuestion(), new HashSet<string>(), today);

    /// <summary>One short line, e.g. "Approved without personal data" (also the search result preview text).</summary>
    public static string Short(UseAssessment a) => a.Verdict switch
    {
        UseVerdict.Allowed or UseVerdict.AllowedAfterTraining or UseVerdict.NotForThisUse =>
            (a.Entry.Status == RegisterStatus.Approved && a.DataAllowed ? "Approved" : "Approved without personal data")
            + (a.TrainingRequired ? ", training first" : ""),
        UseVerdict.UnderReview => "Under review: not approved yet",
        UseVerdict.ChecksPending => "Approved, checks pending: not live yet",
        UseVerdict.ReviewLapsed => "Approval due for review: not approved at the moment",
        UseVerdict.NotAssessed => "Not assessed: not approved",
        UseVerdict.Declined => "Declined: do not use",
        _ => "Retired: do not use",
    };

    public static TextColor Colour(UseAssessment a) => a.Verdict switch
    {
        UseVerdict.Allowed or UseVerdict.AllowedAfterTraining or UseVerdict.NotForThisUse => TextColor.Good,
        UseVerdict.Declined or UseVerdict.Retired => TextColor.Attention,
        _ => TextColor.Warning,
    };

    /// <summary>True when the tool may be used today (within its scope and conditions).</summary>
    public static bool IsUsable(UseAssessment a) => a.Verdict is UseVerdict.Allowed or UseVerdict.AllowedAfterTraining or UseVerdict.NotForThisUse;
}
