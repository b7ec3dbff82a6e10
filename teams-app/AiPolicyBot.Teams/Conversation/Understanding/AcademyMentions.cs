using System.Text.RegularExpressions;
using AiPolicyBot.Academies;
using AiPolicyBot.Register;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// Which of the Trust's academies a message names ("at Brookmere", "St Aidan's pupils", "across the trust"), as the
/// configured id. Matches whole words of the configured names (without the word "Academy") and the ids.
/// </summary>
public static partial class AcademyMentions
{
    [GeneratedRegex(@"[\p{L}\p{N}']+", Options, TimeoutMs)]
    private static partial Regex WordPattern { get; }

    [GeneratedRegex(@"\b(across|for|in|at|whole|all of|the whole) (the |our )?trust\b|\btrust.wide\b", Options, TimeoutMs)]
    private static partial Regex TrustWide { get; }

    public static string? Find(string text, AcademyOptions academies)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = WordPattern.Matches(text).Select(m => ToolNames.Normalise(m.Value)).Where(w => w.Length > 0).ToList();
        var joined = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var run = "";
            for (var j = i; j < Math.Min(words.Count, i + 3); j++) joined.Add(run += words[j]);
        }
        foreach (var (id, info) in academies.Items.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (id == AcademyOptions.TrustId) continue;
            var name = ToolNames.Normalise((string.IsNullOrWhiteSpace(info.Name) ? id : info.Name).Replace("Academy", "", StringComparison.OrdinalIgnoreCase));
            if ((name.Length >= 4 && joined.Contains(name)) || joined.Contains(ToolNames.Normalise(id))) return id;
        }
        return TrustWide.IsMatch(text) ? AcademyOptions.TrustId : null;
    }
}
