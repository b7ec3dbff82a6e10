using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

public static partial class PriorityRules
{
    /// <summary>
    /// Texts longer than this (27 times the longest training or dev mail; the preview endpoint takes up to 512 KB, and a
    /// long forwarded thread may get here too, paying 0.2–0.6 s for the engine) are matched by
    /// <see cref="LinearRules"/>. Backtracking stays cheap below it even on crafted input (≤ ~0.3 s measured on 16 KB
    /// of near misses), but its cost per character on such input is about a thousand times a DFA's.
    /// </summary>
    internal const int LargeText = 16 * 1024;

    /// <summary>A linear-time engine on a whole 512 KB sentence needs more than a window does, even on a busy machine.</summary>
    internal const int LargeTextTimeoutMs = 5000;

    private static readonly Lock LargeTextGate = new();

    /// <summary>
    /// One large text at a time, on a <see cref="LinearRules"/> made for the mail (<paramref name="memo"/>) and dropped
    /// with it: its DFA tables (tens of MB on a hostile body) become garbage instead of living as long as the process.
    /// </summary>
    private static IReadOnlyList<PriorityRule> MatchLargeText(string text, MatchMemo memo)
    {
        lock (LargeTextGate)
        {
            memo.LinearRules ??= new LinearRules();
            return memo.LinearRules.Match(text, memo.Linear);
        }
    }

    /// <summary>
    /// The same rules compiled for RegexOptions.NonBacktracking (linear in the input whatever it holds), matched on
    /// whole sentences. Same patterns, same options otherwise, so the same rules fire (a test proves it on every
    /// training, dev and unseen mail); the construction (~0.2 s) is paid only by texts over <see cref="LargeText"/>.
    /// </summary>
    internal sealed class LinearRules
    {
        private readonly PriorityRule[] _rules = All.Select(r => r with { Pattern = Linear(r.Pattern) }).ToArray();
        private readonly Regex _hypothetical = Linear(Hypothetical());

        public IReadOnlyList<PriorityRule> Match(string text, Dictionary<string, Sentence>? memo = null) =>
            PriorityRules.Match(text, _rules, _hypothetical, windowSize: int.MaxValue, windowOverlap: 1, memo)
                .Select(hit => ReferenceEquals(hit, TimedOut) ? hit : All[Array.FindIndex(_rules, r => ReferenceEquals(r, hit))])
                .ToList();

        private static Regex Linear(Regex generated) =>
            new(generated.ToString(), generated.Options | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(LargeTextTimeoutMs));
    }
}
