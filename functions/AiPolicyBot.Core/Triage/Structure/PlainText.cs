using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>
/// One linear pass from a raw body (plain or HTML) to plain lines: tags dropped (block tags become line breaks),
/// a few entities decoded, line ends normalised, runs of spaces collapsed and never more than one blank line in a
/// row. No regular expressions: a 5 MB run of blank lines or &lt;br&gt; costs one scan (docs/spec/triage.md).
/// </summary>
public static class PlainText
{
    /// <summary>The longest tag the scanner looks for a closing '&gt;' in; a longer one is read as text.</summary>
    private const int MaxTagChars = 2_000;

    private static readonly string[] HtmlCues = ["<html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<span", "<td", "<!doctype"];

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "ul", "ol", "pre",
    };

    public static bool LooksLikeHtml(string body)
    {
        var head = body.Length > 64 * 1024 ? body[..(64 * 1024)] : body;
        foreach (var cue in HtmlCues)
            if (head.Contains(cue, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// Plain text of <paramref name="body"/>, stopping once <paramref name="maxChars"/> characters are written
    /// (<paramref name="truncated"/> says so). Whatever the input, the work is linear in the characters read.
    /// </summary>
    public static string From(string body, int maxChars, out bool wasHtml, out bool truncated)
    {
        wasHtml = LooksLikeHtml(body);
        truncated = false;
        var sb = new StringBuilder(Math.Min(body.Length, maxChars) + 16);
        var pendingSpace = false;
        var newlines = 2; // at the start: no leading blank lines
        void Newline()
        {
            pendingSpace = false;
            if (newlines >= 2) return;
            // trailing spaces were never written (pendingSpace), so the line ends clean
            sb.Append('\n');
            newlines++;
        }
        void Char(char c)
        {
            if (pendingSpace && newlines == 0) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
            newlines = 0;
        }

        var i = 0;
        while (i < body.Length)
        {
            if (sb.Length >= maxChars) { truncated = true; break; }
            var c = body[i];
            if (wasHtml && c == '<')
            {
                var end = body.IndexOf('>', i + 1, Math.Min(MaxTagChars, body.Length - i - 1));
                if (end > i)
                {
                    var name = TagName(body, i + 1, end);
                    if (name is "style" or "script" or "head" or "title")
                    {
                        var close = body.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                        i = close < 0 ? body.Length : body.IndexOf('>', close) is var gt and >= 0 ? gt + 1 : body.Length;
                        continue;
                    }
                    if (BlockTags.Contains(name)) Newline();
                    else pendingSpace = pendingSpace || newlines == 0;
                    i = end + 1;
                    continue;
                }
            }
            if (wasHtml && c == '&' && Entity(body, i, out var decoded, out var length))
            {
                if (decoded == ' ') pendingSpace = newlines == 0;
                else Char(decoded);
                i += length;
                continue;
            }
            switch (c)
            {
                case '\r':
                    if (!wasHtml) Newline();
                    else pendingSpace = newlines == 0;
                    if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                    break;
                case '\n':
                    if (!wasHtml) Newline();
                    else pendingSpace = newlines == 0;
                    break;
                case ' ' or '\t' or '\u00A0' or '\f' or '\v' or '\u200B':
                    pendingSpace = newlines == 0;
                    break;
                default:
                    if (!char.IsControl(c)) Char(c);
                    break;
            }
            i++;
        }
        return sb.ToString().TrimEnd();
    }

    private static string TagName(string s, int from, int end)
    {
        var i = from;
        if (i < end && s[i] == '/') i++;
        var start = i;
        while (i < end && char.IsAsciiLetterOrDigit(s[i]) && i - start < 16) i++;
        return s[start..i].ToLowerInvariant();
    }

    private static bool Entity(string s, int i, out char decoded, out int length)
    {
        ReadOnlySpan<(string Name, char Value)> known = [("&nbsp;", ' '), ("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&apos;", '\''), ("&rsquo;", '\''), ("&lsquo;", '\''), ("&ndash;", '-'), ("&mdash;", '-'), ("&pound;", '£')];
        foreach (var (name, value) in known)
        {
            if (string.CompareOrdinal(s, i, name, 0, name.Length) == 0 || (i + name.Length <= s.Length && s.AsSpan(i, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                decoded = value;
                length = name.Length;
                return true;
            }
        }
        decoded = '\0';
        length = 0;
        return false;
    }
}
