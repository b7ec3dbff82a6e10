namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// Stored corrections as labelled mail for a person to review before retraining (docs/triage-quality.md
/// "Retraining"): one JSON line per correction with an example, in the training schema, ordered by record key so two
/// exports diff cleanly. Only what the store keeps goes out: the redacted, capped example (subject, the sender's new
/// text, the quoted history, the sender's domain, the headers triage reads), the person's category and what triage
/// suggested; never the person, the mail's address or its full body.
/// </summary>
public static class TriageCorrectionExport
{
    /// <param name="onlyChanged">Only rows where the person chose another category than triage suggested.</param>
    /// <returns>The JSON lines, and how many corrections were left out because they carry no example.</returns>
    public static (IReadOnlyList<string> Lines, int WithoutExample) ToJsonLines(IEnumerable<TriageCorrection> corrections, bool onlyChanged = false)
    {
        var chosen = corrections.Where(c => !onlyChanged || c.IsCorrection).OrderBy(c => c.RecordKey, StringComparer.Ordinal).ToList();
        var lines = chosen.Select(c => c.ToJsonLine()).OfType<string>().ToList();
        return (lines, chosen.Count - lines.Count);
    }
}
