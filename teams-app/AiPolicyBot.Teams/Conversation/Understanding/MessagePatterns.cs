using System.Text.RegularExpressions;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// What the conversation's word patterns share. They are source-generated ([GeneratedRegex]), so nothing is built at
/// run time: building the same patterns as NonBacktracking regexes cost 1.1–1.5 s of the first turn and ~70 MB of
/// heap (docs/benchmarks.md). Backtracking is safe here because a chat message is short and its understood text is
/// capped at <see cref="MaxUnderstoodLength"/>, which bounds the worst case of the few `.*` patterns; the match
/// timeout is only a backstop.
/// </summary>
public static class MessagePatterns
{
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public const int TimeoutMs = 500;

    /// <summary>Characters of a message the conversation reads: a question about a tool fits many times over.</summary>
    public const int MaxUnderstoodLength = 2_000;
}
