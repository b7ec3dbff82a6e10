using System.Net;
using System.Text.RegularExpressions;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>The plain text of a Teams or Outlook message body (messagePayload.body.content is usually HTML).</summary>
public static partial class MessageText
{
    public const int MaxLength = 20_000;

    public static string FromBody(string? content, string? contentType)
    {
        if (string.IsNullOrEmpty(content)) return "";
        // A pasted wall of text must not make the scan slow: keep the first part.
        var text = content.Length > MaxLength * 2 ? content[..(MaxLength * 2)] : content;
        if (!string.Equals(contentType, "text", StringComparison.OrdinalIgnoreCase))
        {
            text = Drop().Replace(text, " ");
            text = Break().Replace(text, "\n");
            text = Tag().Replace(text, "");
            text = WebUtility.HtmlDecode(text);
        }
        text = Spaces().Replace(text.Replace('\u00A0', ' '), " ");
        text = Lines().Replace(text, "\n").Trim();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    // Script, style and attachment markup carry no words a person wrote.
    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<head\b[^>]*>.*?</head\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Drop();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Break();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\f\v]+", RegexOptions.NonBacktracking)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*", RegexOptions.NonBacktracking)]
    private static partial Regex Lines();
}
