using System.Text.RegularExpressions;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// Turns "&lt;at&gt;AiPolicyBot&lt;/at&gt; can I use X?" into "can I use X?". In channels and group chats Teams puts the
/// bot's mention inline; the mention entity says which text belongs to the bot (entities[type=mention].text).
/// Mentions of other people are kept: they may be part of the question.
/// </summary>
public static partial class MentionText
{
    public static string WithoutBotMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type == "mention" && entity.Text is { Length: > 0 } mention
                && botId is not null && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                text = text.Replace(mention, string.Empty, StringComparison.Ordinal);
            }
        }

        // No entity (e.g. a forwarded or hand-typed "@AiPolicyBot"): drop a leading mention of the bot's name.
        var botName = activity.Recipient?.Name;
        if (!string.IsNullOrEmpty(botName))
        {
            // Only a text with an <at> tag can match (the pattern is case-sensitive): most messages skip the regex and its closure.
            if (text.Contains("<at>", StringComparison.Ordinal)) text = WithoutLeadingTagOf(botName, text);
            var start = text.AsSpan().TrimStart();
            if (start.StartsWith('@') && start[1..].StartsWith(botName, StringComparison.OrdinalIgnoreCase))
            {
                text = start[(1 + botName.Length)..].ToString();
            }
        }

        return Whitespace().Replace(text.Replace("&nbsp;", " ", StringComparison.Ordinal), " ").Trim();
    }

    private static string WithoutLeadingTagOf(string botName, string text) =>
        LeadingAtTag().Replace(text, m => string.Equals(m.Groups[1].Value.Trim(), botName, StringComparison.OrdinalIgnoreCase) ? "" : m.Value);

    // Both patterns are linear (one anchored lazy run, one run of spaces); the match timeout is only a backstop.
    private const int TimeoutMs = 500;

    [GeneratedRegex(@"^\s*<at>(.*?)</at>", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LeadingAtTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Whitespace();
}
