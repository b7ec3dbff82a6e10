namespace AiPolicyBot.Register;

/// <summary>Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance, with an early exit.</summary>
public static class EditDistance
{
    /// <summary>The distance, or null when it is certainly greater than <paramref name="max"/>.</summary>
    public static int? Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return null;
        var n = a.Length; var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return null;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return prev[m] <= max ? prev[m] : null;
    }
}
