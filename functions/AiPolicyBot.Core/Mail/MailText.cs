using System.Globalization;
using System.Net;
using System.Text;

namespace AiPolicyBot.Mail;

/// <summary>Small helpers shared by the mail composers: HTML encoding, header-safe text and date formats.</summary>
public static class MailText
{
    /// <summary>HTML-encodes user text (&lt; &gt; &amp; " '); line breaks become &lt;br&gt;.</summary>
    public static string Html(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
            : WebUtility.HtmlEncode(text).Replace("\r\n", "\n").Replace("\n", "<br>");

    /// <summary>One line of text for a subject: control characters (CR/LF header injection) become spaces.</summary>
    public static string OneLine(string? text, int maxLength = 120)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsControl(c) ? ' ' : c);
        var line = sb.ToString().Trim();
        return line.Length <= maxLength ? line : line[..(maxLength - 1)] + "…";
    }

    /// <summary>Times are shown in UTC so the record is unambiguous.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"[AIP-2026-0042]": the tag replies and the triage correlate on.</summary>
    public static string Tag(string reference) => $"[{reference}]";

    /// <summary>Enum wire-ish names as words: EducationEnterprise → "education enterprise".</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c)) sb.Append(' ');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
