using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>
/// Splits a body into <see cref="MailParts"/> line by line (docs/spec/triage.md "Structure"): quote headers ("On …
/// wrote:", "-----Original Message-----", an Outlook From:/Sent:/To: block), forward markers, '&gt;' lines,
/// sign-offs and signatures, legal disclaimers. Plain string tests on each line, no regular expressions, so the cost
/// is linear in the body whatever it holds; the body is cut to <see cref="MaxTextChars"/> of plain text first.
/// </summary>
public static class MailStructure
{
    /// <summary>
    /// Plain text kept for classification (about 30 pages; the longest training mail is a fraction of it). The
    /// first part of a mail says what it is; the rest is read by nothing.
    /// </summary>
    public const int MaxTextChars = 64 * 1024;

    /// <summary>A sign-off followed by more than this many lines was not the end of the sender's text.</summary>
    private const int MaxSignatureLines = 8;

    /// <summary>Signature lines are names, roles, schools and numbers; a longer line is the sender writing on.</summary>
    private const int MaxSignatureLineChars = 100;

    private enum Zone { New, Signature, Forwarded, Quoted, Disclaimer }

    private static readonly string[] SignOffs =
    [
        "thanks", "thank you", "many thanks", "thanks again", "with thanks", "kind regards", "regards", "best regards",
        "warm regards", "best wishes", "best", "all the best", "cheers", "yours sincerely", "yours faithfully", "sincerely",
        "thanks in advance", "many thanks in advance", "warmest regards", "kindest regards", "thank you in advance",
    ];

    private static readonly string[] DeviceLines =
        ["sent from my", "get outlook for", "sent from outlook", "sent from mail for", "sent from yahoo mail", "sent via"];

    private static readonly string[] DisclaimerCues =
    [
        "this email and any", "this e-mail and any", "this message and any", "this email is confidential",
        "this e-mail is confidential", "this message is confidential", "intended solely for", "intended only for",
        "if you have received this email in error", "if you have received this e-mail in error",
        "if you have received this message in error", "if you are not the intended recipient", "disclaimer:",
        "please consider the environment before printing", "registered in england", "registered office:",
        "company registration number", "confidentiality notice", "the information contained in this",
    ];

    private static readonly string[] ForwardMarkers =
        ["forwarded message", "begin forwarded message", "forwarded message follows", "original message follows"];

    private static readonly string[] HeaderFields = ["sent:", "date:", "to:", "subject:", "cc:"];

    public static MailParts Split(string subject, string? body)
    {
        if (string.IsNullOrEmpty(body)) return MailParts.Empty;
        var text = PlainText.From(body, MaxTextChars, out var wasHtml, out var truncated);
        var lines = text.Split('\n');
        var forward = IsForwardSubject(subject);
        var parts = new[] { new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder() };
        var zone = Zone.New;
        var signature = new List<string>(); // held back until we know the sign-off really ended the text

        void Add(Zone z, string line) => parts[(int)z].Append(line).Append('\n');
        void FlushSignature(bool isSignature)
        {
            foreach (var l in signature) Add(isSignature ? Zone.Signature : Zone.New, l);
            signature.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var t = line.Trim();
            if (zone is Zone.Forwarded or Zone.Quoted)
            {
                // a forward's own header lines say nothing about the content, except its subject
                if (zone == Zone.Forwarded && IsHeaderField(t) && !t.StartsWith("subject:", StringComparison.OrdinalIgnoreCase)) continue;
                Add(zone, t.StartsWith('>') ? t.TrimStart('>', ' ') : line);
                continue;
            }
            if (IsForwardMarker(t) || (forward && StartsQuoteBlock(lines, i, t)))
            {
                FlushSignature(true);
                zone = Zone.Forwarded;
                if (t.StartsWith("from:", StringComparison.OrdinalIgnoreCase)) continue;
                continue;
            }
            if (StartsQuoteBlock(lines, i, t))
            {
                FlushSignature(true);
                zone = Zone.Quoted;
                if (IsOnWroteStart(t) && !t.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase)) i++; // "wrote:" on the next line
                continue;
            }
            if (t.StartsWith('>'))
            {
                Add(Zone.Quoted, t.TrimStart('>', ' '));
                continue;
            }
            if (zone == Zone.Disclaimer)
            {
                Add(Zone.Disclaimer, line);
                continue;
            }
            if (IsDisclaimerStart(t))
            {
                FlushSignature(true);
                zone = Zone.Disclaimer;
                Add(Zone.Disclaimer, line);
                continue;
            }
            if (zone == Zone.Signature)
            {
                signature.Add(line);
                if (signature.Count > MaxSignatureLines || t.Length > MaxSignatureLineChars)
                {
                    FlushSignature(false); // more text after "Thanks," — it was not a sign-off
                    zone = Zone.New;
                }
                continue;
            }
            if (line == "-- " || t == "--" || IsDeviceLine(t))
            {
                zone = Zone.Signature;
                signature.Add(line);
                continue;
            }
            if (IsSignOff(t) && parts[(int)Zone.New].Length > 0)
            {
                zone = Zone.Signature;
                signature.Add(line);
                continue;
            }
            Add(Zone.New, line);
        }
        FlushSignature(true);

        string P(Zone z) => parts[(int)z].ToString().Trim();
        return new MailParts(P(Zone.New), P(Zone.Forwarded), P(Zone.Quoted), P(Zone.Signature), P(Zone.Disclaimer), wasHtml, truncated);
    }

    public static bool IsForwardSubject(string? subject)
    {
        var s = (subject ?? "").TrimStart();
        return s.StartsWith("fw:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("fwd:", StringComparison.OrdinalIgnoreCase)
               || s.StartsWith("fw :", StringComparison.OrdinalIgnoreCase) || s.StartsWith("fwd :", StringComparison.OrdinalIgnoreCase)
               || s.StartsWith("[fwd", StringComparison.OrdinalIgnoreCase) || s.StartsWith("tr:", StringComparison.OrdinalIgnoreCase)
               || s.StartsWith("wg:", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsReplySubject(string? subject)
    {
        var s = (subject ?? "").TrimStart();
        return s.StartsWith("re:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("re :", StringComparison.OrdinalIgnoreCase)
               || s.StartsWith("aw:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("sv:", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsForwardMarker(string t)
    {
        if (t.Length > 120) return false;
        var lower = t.Trim('-', ' ', '_', '=', '*').ToLowerInvariant();
        foreach (var m in ForwardMarkers)
            if (lower.StartsWith(m, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>"On … wrote:", "-----Original Message-----", a line of underscores, or an Outlook From:/Sent: block.</summary>
    private static bool StartsQuoteBlock(string[] lines, int i, string t)
    {
        if (t.Length > 300) return false;
        if (IsOnWroteStart(t))
        {
            if (t.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase) || t.EndsWith("a écrit :", StringComparison.OrdinalIgnoreCase)
                || t.EndsWith("schrieb:", StringComparison.OrdinalIgnoreCase)) return true;
            return i + 1 < lines.Length && lines[i + 1].Trim().EndsWith("wrote:", StringComparison.OrdinalIgnoreCase) && lines[i + 1].Length < 200;
        }
        var bare = t.Trim('-', ' ', '_', '=').ToLowerInvariant();
        if (bare is "original message" or "original message follows" && t.Contains("--", StringComparison.Ordinal)) return true;
        if (t.Length >= 10 && t.All(c => c == '_')) return NextIsFrom(lines, i);
        if (t.StartsWith("from:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("*from:*", StringComparison.OrdinalIgnoreCase))
        {
            // a From: line followed within four lines by Sent:/Date:/To:/Subject: is a quoted message's header
            var fields = 0;
            for (var k = i + 1; k < lines.Length && k <= i + 4; k++)
                if (IsHeaderField(lines[k].Trim().Trim('*'))) fields++;
            return fields >= 1;
        }
        return false;
    }

    private static bool NextIsFrom(string[] lines, int i)
    {
        for (var k = i + 1; k < lines.Length && k <= i + 2; k++)
            if (lines[k].TrimStart().StartsWith("from:", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsOnWroteStart(string t) =>
        (t.StartsWith("On ", StringComparison.Ordinal) || t.StartsWith("Le ", StringComparison.Ordinal) || t.StartsWith("Am ", StringComparison.Ordinal))
        && t.Length < 300
        && (t.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase) || t.EndsWith("a écrit :", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("schrieb:", StringComparison.OrdinalIgnoreCase) || t.Contains('@') || t.Contains(" at ", StringComparison.Ordinal)
            || t.Contains(',', StringComparison.Ordinal));

    private static bool IsHeaderField(string t)
    {
        foreach (var f in HeaderFields)
            if (t.StartsWith(f, StringComparison.OrdinalIgnoreCase)) return true;
        return t.StartsWith("from:", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsDisclaimerStart(string t)
    {
        if (t.Length < 12) return false;
        var lower = t.ToLowerInvariant();
        foreach (var cue in DisclaimerCues)
            if (lower.Contains(cue, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsDeviceLine(string t)
    {
        if (t.Length > 60) return false;
        var lower = t.ToLowerInvariant();
        foreach (var d in DeviceLines)
            if (lower.StartsWith(d, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsSignOff(string t)
    {
        if (t.Length > 40) return false;
        var lower = t.TrimEnd(',', '.', '!', ' ', '-').ToLowerInvariant();
        foreach (var s in SignOffs)
            if (lower == s) return true;
        return false;
    }
}
