using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

/// <summary>
/// "Zoning" of a mail body (policy-routing.md §16 layer 6): the author's own text without quoted replies, forwarded
/// history or sign-off, so old thread content does not decide a new message. Also a simple sentence splitter.
/// </summary>
public static partial class TextZones
{
    [GeneratedRegex(@"^\s*(-{2,}\s*(Original Message|Forwarded message)\s*-{2,}|On .{5,80} wrote:|From: .+|_{5,}|-- ?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex QuoteStart();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n|\r?\n(?=\s*[-*•]\s)")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The body up to the first quoted-reply marker; lines starting with '>' are dropped.</summary>
    public static string OwnText(string body)
    {
        if (string.IsNullOrEmpty(body)) return "";
        var m = QuoteStart().Match(body);
        var own = m.Success && m.Index > 0 ? body[..m.Index] : body;
        return string.Join('\n', own.Split('\n').Where(l => !l.TrimStart().StartsWith('>')));
    }

    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text ?? "").Select(s => Whitespace().Replace(s, " ").Trim()).Where(s => s.Length > 0).ToList();
}
