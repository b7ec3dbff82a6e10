namespace AiPolicyBot.Triage;

/// <summary>
/// The breach detector (docs/spec/triage.md "Breach"), run on every mail whatever its headers: a supplier's breach
/// notice sent with List-Unsubscribe is still a breach notice. Tuned for recall: it names a mail
/// <see cref="BreachLevel.Confident"/> only when a breach rule fired on the sender's own or forwarded text outside bulk
/// mail (or a supplier's incident notice anywhere), and <see cref="BreachLevel.Possible"/> on any weaker sign, which
/// the classifier turns into a "possible breach" when the model gives breach enough weight.
/// </summary>
public static class BreachDetector
{
    /// <summary>
    /// Words that, in what the sender wrote, make a breach worth a second look. Single lower-case words and pairs,
    /// matched on a plain word split (no regular expression).
    /// </summary>
    private static readonly HashSet<string> CueWords = new(StringComparer.Ordinal)
    {
        "breach", "breached", "breaches", "leak", "leaked", "leaking", "exposed", "exposure", "compromised", "hacked",
        "ransomware", "stolen", "misdirected", "deepfake", "deepfakes", "disclosed", "disclosure", "unauthorised",
        "unauthorized", "incident", "ico", "lost", "uploaded", "pasted",
    };

    private static readonly HashSet<string> CuePairs = new(StringComparer.Ordinal)
    {
        "wrong recipient", "wrong parent", "wrong email", "wrong address", "wrong family", "wrong person", "wrong school",
        "personal data", "pupil data", "student data", "by mistake", "in error", "accidentally sent", "went missing",
        "data protection", "without consent", "without permission", "72 hours", "full name", "full names",
        "date of birth", "home address", "home addresses", "personal account", "personal email", "personal gmail",
        "safeguarding record", "safeguarding records", "public channel", "another school", "other schools",
        "pupil names", "pupils names", "child's name", "pupils' names", "medical information", "were visible",
        "was visible", "was shown", "were shown", "was displayed", "were displayed", "should not have",
        "shouldn't have", "wrong class", "wrong group", "reply all", "whole class", "unencrypted",
    };

    public static BreachFinding Detect(
        string subject, MailParts parts, HeaderFacts headers, IReadOnlyList<PriorityRule> rules, IReadOnlyList<PriorityRule> quotedRules)
    {
        var cues = new List<string>();
        var own = rules.Where(r => r.Category == TriageCategory.Breach && r.Decisive).ToList();
        var strong = own.Any(r => r.Strong);
        foreach (var r in own) cues.Add("rule:" + r.Id);
        foreach (var r in quotedRules.Where(r => r.Category == TriageCategory.Breach && r.Decisive)) cues.Add("quoted:" + r.Id);
        foreach (var w in CueWordsIn(subject + " \n " + parts.Main)) cues.Add("cue:" + w);

        var level = own.Count > 0 && (strong || !headers.AnyBulkSign) ? BreachLevel.Confident
            : cues.Count > 0 ? BreachLevel.Possible
            : BreachLevel.None;
        return level == BreachLevel.None ? BreachFinding.None : new(level, cues.Distinct().ToList());
    }

    /// <summary>Cue words and pairs found, each once, in first-seen order.</summary>
    public static IReadOnlyList<string> CueWordsIn(string text)
    {
        var found = new List<string>();
        string? previous = null;
        foreach (var word in Words(text))
        {
            if (CueWords.Contains(word) && !found.Contains(word)) found.Add(word);
            if (previous is not null)
            {
                var pair = previous + " " + word;
                if (CuePairs.Contains(pair) && !found.Contains(pair)) found.Add(pair);
            }
            previous = word;
        }
        return found;
    }

    /// <summary>Lower-case runs of letters and digits (apostrophes kept inside a word).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '\'' && start >= 0));
            if (inWord)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                yield return text[start..i].TrimEnd('\'').ToLowerInvariant();
                start = -1;
            }
        }
    }
}
