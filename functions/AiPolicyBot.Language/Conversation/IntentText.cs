using System.Text;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The one text preparation shared by training and prediction: lower case, typographic quotes as typed ones, digits
/// folded to one digit (a reference number's digits carry no intent), runs of white space as one space. A long
/// message is read as its start and its end: the question usually follows the preamble.
/// </summary>
public static class IntentText
{
    /// <summary>Characters of a message the model reads; an intent is clear long before this.</summary>
    public const int MaxLength = 600;

    public static string Prepare(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (text.Length > MaxLength) text = WithoutRepeatedSentences(text);
        var source = text.Length > MaxLength ? string.Concat(text.AsSpan(0, MaxLength / 2), " ", text.AsSpan(text.Length - MaxLength / 2)).AsSpan() : text.AsSpan();
        var sb = new StringBuilder(source.Length);
        var space = false;
        foreach (var ch in source)
        {
            var c = ch switch { '\u2019' or '\u2018' => '\'', '\u201C' or '\u201D' => '"', _ => char.ToLowerInvariant(ch) };
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.IsDigit(c) ? '0' : c);
        }
        return sb.ToString();
    }

    /// <summary>A sentence said again adds nothing: a pasted or repeated preamble must not drown the question.</summary>
    private static string WithoutRepeatedSentences(string text)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '!' or '?' or '\n')) continue;
            var end = Math.Min(i + 1, text.Length);
            var sentence = text[start..end];
            if (seen.Add(sentence.Trim())) sb.Append(sentence);
            start = end;
        }
        return sb.ToString();
    }
}
