namespace AiPolicyBot.Triage;

/// <summary>
/// Splits an over-long sentence into overlapping windows for the priority rules, so one backtracking match
/// never sees more than <see cref="Size"/> characters of a hostile body. Exact, not approximate: every stretch of at
/// most <see cref="Overlap"/> characters lies inside one window, and windows are cut next to an ASCII space or
/// punctuation character, where a <c>\b</c> reads the same inside the window as in the whole sentence (the rules have
/// no other context-sensitive parts). Only a run of over 200 characters with none of them (no real word) is cut
/// mid-run, where a rule may see a word boundary the whole sentence does not have.
/// </summary>
public static class SentenceWindows
{
    /// <summary>Real sentences are shorter than this and stay whole.</summary>
    public const int Size = 1000;

    /// <summary>
    /// Longer than any rule can match: 189 characters (breach-published) plus one <c>\w*</c> word tail of up to 211
    /// more. A match that starts in one window ends before that window does, or starts inside the next.
    /// </summary>
    public const int Overlap = 400;

    public static IReadOnlyList<Range> Of(string sentence, int size = Size, int overlap = Overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, overlap + 3);
        var n = sentence.Length;
        if (n <= size) return [Range.All];
        // Cuts are looked for in the last third of the room beyond the overlap, so each window moves on by at least a
        // third of it even when cut-safe characters are rare (for 1,000/400: at least 200 characters).
        var slack = (size - overlap) / 3;
        var windows = new List<Range>();
        var start = 0;
        while (true)
        {
            if (n - start <= size)
            {
                windows.Add(start..n);
                return windows;
            }
            // The end: the last cut-safe character at or before start + size (the window stops before it).
            var end = LastIndex(sentence, start + size - slack, start + size, e => IsCutSafe(sentence[e])) ?? start + size;
            windows.Add(start..end);
            // The next start: after the last cut-safe character at least `overlap` before this window's end.
            start = LastIndex(sentence, end - overlap - slack, end - overlap, s => IsCutSafe(sentence[s - 1])) ?? end - overlap;
        }
    }

    /// <summary>The largest i in [from, to] with test(i), or null.</summary>
    private static int? LastIndex(string text, int from, int to, Func<int, bool> test)
    {
        for (var i = to; i >= from; i--)
            if (test(i)) return i;
        return null;
    }

    /// <summary>ASCII, and not a regex word character: a \b on either side of it depends only on its neighbour.</summary>
    private static bool IsCutSafe(char c) => c < 128 && !char.IsAsciiLetterOrDigit(c) && c != '_';
}
