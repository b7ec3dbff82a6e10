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
            text = LeadingAtTag().Replace(text, m => string.Equals(m.Groups[1].Value.Trim(), botName, StringComparison.OrdinalIgnoreCase) ? "" : m.Value);
            var plain = "@" + botName;
            if (text.TrimStart().StartsWith(plain, StringComparison.OrdinalIgnoreCase))
            {
                text = text.TrimStart()[plain.Length..];
            }
        }

        return Whitespace().Replace(text.Replace("&nbsp;", " ", StringComparison.Ordinal), " ").Trim();
    }

    [GeneratedRegex(@"^\s*<at>(.*?)</at>", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAtTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
