using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>
/// The author's own text (<see cref="MailStructure"/>) and a sentence splitter, both single linear passes with no
/// regular expressions (a run of blank lines used to cost the square of its length here).
/// </summary>
public static class TextZones
{
    /// <summary>The body without quoted history, forwarded parts, signature or disclaimer.</summary>
    public static string OwnText(string body) => MailStructure.Split("", body).NewText;

    /// <summary>
    /// Sentences: a break after . ! or ? followed by white space, at a blank line, and before a bulleted line
    /// ("- ", "* ", "• "); white space inside a sentence collapsed to one space.
    /// </summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(text)) return result;
        var sb = new StringBuilder();
        var pendingSpace = false;
        void Flush()
        {
            if (sb.Length > 0) result.Add(sb.ToString());
            sb.Clear();
            pendingSpace = false;
        }
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
                i++;
                continue;
            }
            // a run of white space: read it once, noting its newlines and what follows it
            var start = i;
            var newlines = 0;
            var lastNewline = -1;
            while (i < n && char.IsWhiteSpace(text[i]))
            {
                if (text[i] == '\n') { newlines++; lastNewline = i; }
                i++;
            }
            var afterStop = start > 0 && text[start - 1] is '.' or '!' or '?';
            var bulletNext = lastNewline >= 0 && i + 1 < n && text[i] is '-' or '*' or '•' && char.IsWhiteSpace(text[i + 1]);
            if (afterStop || newlines >= 2 || bulletNext) Flush();
            else pendingSpace = true;
        }
        Flush();
        return result;
    }
}
