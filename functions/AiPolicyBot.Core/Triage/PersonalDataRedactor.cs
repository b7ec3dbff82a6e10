using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>
/// Replaces detected personal data with "[kind]" placeholders, e.g. for logs and stored records
/// (docs/spec/triage.md). Overlapping matches are merged so no fragment of a value survives.
/// </summary>
public static class PersonalDataRedactor
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var matches = PersonalDataDetector.FindAll(text).OrderBy(m => m.Index).ThenByDescending(m => m.Length).ToList();
        if (matches.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var pos = 0;
        foreach (var m in matches)
        {
            var end = m.Index + m.Length;
            if (end <= pos) continue; // fully inside an earlier redaction
            if (m.Index >= pos)
            {
                sb.Append(text, pos, m.Index - pos).Append('[').Append(m.Kind).Append(']');
            }
            pos = end;
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
