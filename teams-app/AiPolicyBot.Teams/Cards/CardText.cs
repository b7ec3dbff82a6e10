using System.Text;
using System.Text.RegularExpressions;

namespace AiPolicyBot.Teams.Cards;

/// <summary>
/// Makes text that users (or mail senders, or the register) typed safe to show on an Adaptive Card, so a tool called
/// "**Chat**[GPT](https://evil)" shows exactly that and cannot bold text, fake a link, start a list or heading, or
/// trigger the card's {{DATE(…)}} / {{TIME(…)}} substitution.
/// </summary>
public static partial class CardText
{
    // Inline Markdown that Teams and the Adaptive Cards renderers act on anywhere in a line, plus the characters that
    // start HTML or entities ("<b>", "&amp;") and the braces of {{DATE()}} and ${…} template expressions.
    private const string EscapedAnywhere = @"\*_[]()`~<>&{}";

    /// <summary>
    /// For Markdown-capable text: TextBlock.text and Fact title/value. Backslash-escapes (CommonMark) every
    /// character with a Markdown meaning, and line-start list/heading/quote markers; line breaks are kept.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var sb = new StringBuilder(normalised.Length + 16);
        var lines = normalised.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            EscapeLine(lines[i], sb);
        }
        return sb.ToString();
    }

    /// <summary>
    /// For places that are not Markdown (TextRun, fallbackText, input values, choice titles, action titles): only
    /// breaks "{{" (date/time functions) and "${" (template expressions) with a zero-width space, so the text looks
    /// exactly as typed.
    /// </summary>
    public static string Plain(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Replace("{{", "{\u200B{").Replace("${", "$\u200B{");

    /// <summary>Shortens long user text for a card, on a character boundary, with an ellipsis.</summary>
    public static string Truncate(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength) return text ?? string.Empty;
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    private static void EscapeLine(string line, StringBuilder sb)
    {
        // Leading spaces would make an indented code block or nested list; keep them but as non-breaking spaces.
        var start = 0;
        while (start < line.Length && (line[start] == ' ' || line[start] == '\t'))
        {
            sb.Append('\u00A0');
            start++;
        }

        var rest = line[start..];
        var ordered = OrderedListMarker().Match(rest);
        if (ordered.Success)
        {
            // "1. text" or "1) text": escape the delimiter so it is not a numbered list.
            sb.Append(ordered.Groups["n"].Value).Append('\\').Append(ordered.Groups["d"].Value);
            start += ordered.Length;
        }
        else if (rest.Length > 0 && rest[0] is '-' or '+' or '#' or '=')
        {
            sb.Append('\\').Append(rest[0]);
            start++;
        }

        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' || EscapedAnywhere.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
    }

    [GeneratedRegex(@"^(?<n>\d{1,9})(?<d>[.)])")]
    private static partial Regex OrderedListMarker();
}
