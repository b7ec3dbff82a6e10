namespace AiPolicyBot.Triage;

/// <summary>
/// When a mail the model does not call a breach is still marked "possible breach" for the DPO's look
/// (docs/spec/triage.md "Breach"). Talking about data protection is not a sign: marketing, rights requests, questions
/// and concerns say "breach", "GDPR", "ICO" and "personal data" all the time. A sign is a breach rule, or a cue that
/// says data went somewhere (leaked, pasted, wrong parent, were visible…).
/// </summary>
public static class PossibleBreach
{
    /// <summary>Cue words that name the subject, not an event: never a sign on their own.</summary>
    private static readonly HashSet<string> TopicCues = new(StringComparer.Ordinal)
    {
        "breach", "breaches", "ico", "incident", "disclosure", "exposure", "deepfake", "deepfakes", "data protection",
        "personal data", "pupil data", "student data", "72 hours", "without consent", "without permission",
    };

    public static bool IsEventCue(string cue) =>
        cue.StartsWith("cue:", StringComparison.Ordinal) && !TopicCues.Contains(cue["cue:".Length..]);

    /// <param name="top">The model's top class.</param>
    /// <param name="breach">The model's calibrated breach probability.</param>
    public static bool Applies(TriageEvidence e, TriageCategory top, double breach, TriageThresholds t)
    {
        if (top == TriageCategory.Breach || breach >= t.PossibleBreach) return true; // the model leans to breach
        if (e.Breach.Level == BreachLevel.None) return false;
        var rules = e.Breach.Cues.Count(c => c.StartsWith("rule:", StringComparison.Ordinal) || c.StartsWith("quoted:", StringComparison.Ordinal));
        var events = e.Headers.AnyBulkSign ? 0 : e.Breach.Cues.Count(IsEventCue);
        if (rules + events > 0 && breach >= t.PossibleBreachWithCue) return true;
        return SeveralSigns(e);
    }

    /// <summary>A breach sign anywhere in the mail, bulk or not: a breach rule, or a cue that data went somewhere.</summary>
    public static bool HasSign(TriageEvidence e) =>
        e.Breach.Cues.Any(c => c.StartsWith("rule:", StringComparison.Ordinal) || c.StartsWith("quoted:", StringComparison.Ordinal) || IsEventCue(c));

    /// <summary>
    /// Signs enough to alert the DPO whatever the model says: a breach rule and an event cue, or three event cues, in
    /// what the sender wrote, outside bulk mail. A breach buried in a complaint reads as a complaint to the model.
    /// </summary>
    public static bool SeveralSigns(TriageEvidence e)
    {
        if (e.Breach.Level == BreachLevel.None || e.Headers.AnyBulkSign) return false;
        var rules = e.Breach.Cues.Count(c => c.StartsWith("rule:", StringComparison.Ordinal));
        var events = e.Breach.Cues.Count(IsEventCue);
        return (rules > 0 && events > 0) || events >= 3;
    }
}
