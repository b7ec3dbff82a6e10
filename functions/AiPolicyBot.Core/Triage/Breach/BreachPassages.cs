namespace AiPolicyBot.Triage;

/// <summary>
/// What the sender wrote, in the short pieces the breach passage model scores (docs/spec/triage.md "Breach"): the
/// subject, then the sentences of their new and forwarded text and of their sign-off (where a PS sits), each
/// sentence longer than <see cref="MaxSentenceChars"/> cut at a space. A breach admitted in one sentence of a long
/// complaint is then scored on its own, and the rest of the mail cannot outweigh it. Linear in the mail: at most
/// <see cref="MaxChars"/> characters are read, in one pass (<see cref="TextZones.Sentences"/>).
/// </summary>
public static class BreachPassages
{
    /// <summary>Text read, as much as the priority rules read: a report says what it is early.</summary>
    public const int MaxChars = TriageEvidence.MaxRuleChars;

    /// <summary>A "sentence" longer than this (a pasted table, a mail with no full stops) is cut into pieces this long.</summary>
    public const int MaxSentenceChars = 400;

    public static IReadOnlyList<string> Sentences(string subject, MailParts parts)
    {
        var text = subject + ".\n\n" + parts.Main + (parts.Signature.Length > 0 ? "\n\n" + parts.Signature : "");
        if (text.Length > MaxChars) text = text[..MaxChars];
        var result = new List<string>();
        foreach (var sentence in TextZones.Sentences(text))
        {
            if (sentence.Length == 1 && !char.IsLetterOrDigit(sentence[0])) continue; // the "." after an empty subject
            Cut(sentence, result);
        }
        return result;
    }

    /// <summary>
    /// Windows of <paramref name="size"/> consecutive sentences, moving on one sentence at a time (the sentences
    /// themselves when there are no more than <paramref name="size"/>): a breach told over two sentences is read whole.
    /// </summary>
    public static IEnumerable<string> Windows(IReadOnlyList<string> sentences, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (sentences.Count <= size)
        {
            if (sentences.Count > 0) yield return string.Join(' ', sentences);
            yield break;
        }
        for (var i = 0; i + size <= sentences.Count; i++)
            yield return size == 1 ? sentences[i] : string.Join(' ', sentences.Skip(i).Take(size));
    }

    private static void Cut(string sentence, List<string> into)
    {
        var start = 0;
        while (sentence.Length - start > MaxSentenceChars)
        {
            // the last space in the second half of the room, else a hard cut
            var space = sentence.LastIndexOf(' ', start + MaxSentenceChars - 1, MaxSentenceChars / 2);
            var end = space > start ? space : start + MaxSentenceChars;
            into.Add(sentence[start..end]);
            start = space > start ? end + 1 : end;
        }
        if (start < sentence.Length) into.Add(sentence[start..]);
    }
}
