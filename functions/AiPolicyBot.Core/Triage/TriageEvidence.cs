namespace AiPolicyBot.Triage;

/// <summary>
/// Everything the layers read from one mail, computed once (docs/spec/triage.md): the parts of the body, header facts,
/// the thread reference, rule cues on the sender's own text and on the quoted history, personal-data kinds, a
/// known-tool mention, the breach detector's finding and the sentences of what the sender wrote (for the breach
/// passage model, <see cref="BreachPassages"/>). The statistical model is fed from this record.
/// </summary>
public sealed record TriageEvidence(
    string Subject,
    string From,
    MailParts Parts,
    HeaderFacts Headers,
    string? Reference,
    IReadOnlyList<PriorityRule> Rules,
    IReadOnlyList<PriorityRule> QuotedRules,
    IReadOnlyList<string> PersonalData,
    int PersonalDataCount,
    bool MentionsKnownTool,
    BreachFinding Breach,
    IReadOnlyList<string> OwnSentences)
{
    /// <summary>Subjects are read up to this length (a real one is far shorter).</summary>
    public const int MaxSubjectChars = 1000;

    /// <summary>
    /// Text the priority rules read from the sender's part and from the quoted history. A report says what it is
    /// early; the cap keeps the rules on their windowed path, whose cost per character is bounded
    /// (docs/spec/triage.md "Cost").
    /// </summary>
    public const int MaxRuleChars = 12 * 1024;

    public static TriageEvidence Read(MailToTriage mail, TriageOptions options, ToolGazetteer gazetteer)
    {
        var subject = mail.Subject.Length > MaxSubjectChars ? mail.Subject[..MaxSubjectChars] : mail.Subject;
        var headers = HeaderFacts.Read(mail, options);
        var parts = MailStructure.Split(subject, mail.Body);
        var memo = new PriorityRules.MatchMemo();
        var main = Cap(subject + ".\n\n" + parts.Main + (parts.Signature.Length > 0 ? "\n\n" + parts.Signature : ""));
        var rules = PriorityRules.Match(main, memo);
        var quotedRules = parts.HasQuote ? PriorityRules.Match(Cap(parts.Quoted), memo) : [];
        var personalData = PersonalDataDetector.Kinds(subject, mail.Body);
        var piiCount = PersonalDataDetector.FindAll(Cap(parts.Main)).Count;
        var mentionsTool = gazetteer.Mentions(Cap(subject + " " + parts.Main));
        var breach = BreachDetector.Detect(subject, parts, headers, rules, quotedRules);
        static string Cap(string text) => text.Length > MaxRuleChars ? text[..MaxRuleChars] : text;
        return new(subject, mail.From.Length > MaxSubjectChars ? mail.From[..MaxSubjectChars] : mail.From, parts, headers,
            ThreadReference.Find(subject, parts.All), rules, quotedRules, personalData, piiCount, mentionsTool, breach,
            BreachPassages.Sentences(subject, parts));
    }
}
