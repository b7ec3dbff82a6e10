using System.Text.RegularExpressions;

namespace AiPolicyBot.Register;

/// <summary>One search hit: the entry and a score in 0..1 (1 = the exact name).</summary>
public sealed record RegisterHit(RegisterEntry Entry, double Score);

/// <summary>
/// Which register tool a staff message mentions. <see cref="Entry"/> is null when none does; then
/// <see cref="UnknownToolName"/> is a tool-like name from the text when one is apparent ("Perplexity").
/// </summary>
public sealed record TextMatch(RegisterEntry? Entry, double Score, string? Mention, string? UnknownToolName)
{
    public static TextMatch None(string? unknown) => new(null, 0, null, unknown);
}

/// <summary>
/// Fuzzy register search, built once per register version. Every entry contributes normalised keys (name, aliases,
/// distinctive name words, vendor); lookups are exact (hash), prefix (sorted keys) and typo-tolerant (trigram index
/// plus a bounded Damerau–Levenshtein check), so the cost depends on the query, not on the register size. Scores
/// below <see cref="MinScore"/> are dropped so an unknown tool gets no match instead of the nearest wrong one.
/// </summary>
public sealed partial class RegisterSearch
{
    public const double MinScore = 0.6;
    /// <summary>A message mentions a tool only at this score or above (stricter than a typed search).</summary>
    public const double TextMinScore = 0.8;

    private enum KeyKind { Name, Alias, NameWord, Vendor, VendorWord }

    private static double BaseScore(KeyKind kind) => kind switch
    {
        KeyKind.Name => 1.0,
        KeyKind.Alias => 0.97,
        KeyKind.NameWord => 0.85,
        KeyKind.Vendor => 0.75,
        _ => 0.7,
    };

    private readonly record struct Key(string Text, int Entry, KeyKind Kind);

    private readonly IReadOnlyList<RegisterEntry> _entries;
    private readonly Key[] _keys;
    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, int[]> _trigrams;
    private readonly string[] _sortedTexts;
    private readonly int[] _sortedKeys;

    public RegisterSearch(IReadOnlyList<RegisterEntry> entries)
    {
        _entries = entries;
        // Pass 1: which entries use each distinctive name word ("copilot" yes; "tutor" across 40 products no).
        var wordOwners = new Dictionary<string, int>(StringComparer.Ordinal);
        var entryWords = new List<string>[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            entryWords[i] = e.Aliases.Prepend(e.Name).SelectMany(Words)
                .Where(w => w.Length >= 4 && !CommonWords.Contains(w) && !GenericProductWords.Contains(w))
                .Distinct(StringComparer.Ordinal).ToList();
            foreach (var w in entryWords[i]) wordOwners[w] = wordOwners.GetValueOrDefault(w) + 1;
        }
        // Pass 2: the keys, strongest kind first so a text shared by two kinds keeps the stronger one.
        var keys = new List<Key>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string text, KeyKind kind)
            {
                if (text.Length >= 2 && seen.Add(text)) keys.Add(new Key(text, i, kind));
            }
            Add(ToolNames.Normalise(e.Name), KeyKind.Name);
            foreach (var a in e.Aliases) Add(ToolNames.Normalise(a), KeyKind.Alias);
            foreach (var w in entryWords[i]) if (wordOwners[w] <= 3) Add(w, KeyKind.NameWord);
            if (!string.IsNullOrWhiteSpace(e.Vendor))
            {
                Add(ToolNames.Normalise(e.Vendor), KeyKind.Vendor);
                var first = Words(e.Vendor).FirstOrDefault();
                if (first is { Length: >= 3 } && !CommonWords.Contains(first) && !GenericProductWords.Contains(first))
                    Add(first, KeyKind.VendorWord);
            }
        }
        _keys = [.. keys];
        _exact = _keys.Select((k, i) => (k.Text, i)).GroupBy(x => x.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
        _trigrams = _keys.Select((k, i) => (k, i)).Where(x => x.k.Text.Length >= MinFuzzyLength)
            .SelectMany(x => Trigrams(x.k.Text).Distinct().Select(t => (t, x.i)))
            .GroupBy(x => x.t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
        var order = Enumerable.Range(0, _keys.Length).OrderBy(i => _keys[i].Text, StringComparer.Ordinal).ToArray();
        _sortedKeys = order;
        _sortedTexts = order.Select(i => _keys[i].Text).ToArray();
    }

    private static readonly HashSet<string> GenericProductWords = new(StringComparer.Ordinal)
    {
        "chat", "magic", "studio", "microsoft", "google", "openai", "national", "enterprise", "education", "pro",
        "plus", "limited", "ltd", "inc", "labs", "teaching", "learning", "online", "digital",
    };

    private const int MinFuzzyLength = 5;

    /// <summary>Typos allowed for a key of this length: none under 5 characters, 1 up to 8, 2 from 9.</summary>
    private static int AllowedDistance(int keyLength) => keyLength < MinFuzzyLength ? 0 : keyLength < 9 ? 1 : 2;

    /// <summary>The best matches for a typed query (a tool name, alias, vendor or a misspelling), best first.</summary>
    public IReadOnlyList<RegisterHit> Search(string query, int top = 10)
    {
        var best = new Dictionary<int, double>();
        var q = ToolNames.Normalise(query);
        if (q.Length == 0 || top <= 0) return [];

        // An everyday word ("other") is not a misspelt tool name ("Otter").
        MatchCandidate(q, allowFuzzy: !CommonWords.Contains(q), allowPrefix: q.Length >= 3, best, weight: 1.0);
        // Several words ("chatgpt free edition", "google's bard"): a word or run of words may be the name.
        var tokens = Tokens(query);
        if (tokens.Count > 1)
        {
            foreach (var (candidate, _, _) in NGrams(tokens))
            {
                if (candidate != q) MatchCandidate(candidate, allowFuzzy: !CommonWords.Contains(candidate), allowPrefix: false, best, weight: 0.9);
            }
        }
        return best.Where(kv => kv.Value >= MinScore)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => _entries[kv.Key].Name, StringComparer.Ordinal)
            .Take(top)
            .Select(kv => new RegisterHit(_entries[kv.Key], Math.Round(kv.Value, 3)))
            .ToList();
    }

    /// <summary>
    /// Which register tool a whole message mentions ("can I use chat gtp for lesson plans?" → ChatGPT), or none;
    /// with no register tool, a tool-like name from the text as <see cref="TextMatch.UnknownToolName"/>.
    /// </summary>
    public TextMatch FindInText(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return TextMatch.None(null);
        var tokens = Tokens(text);
        var bestScore = 0.0;
        int bestEntry = -1;
        string? mention = null;
        foreach (var (entry, s, start, count, candidate) in TextCandidates(tokens))
        {
            if (s > bestScore + 1e-9 || (Math.Abs(s - bestScore) < 1e-9 && mention is not null && candidate.Length > ToolNames.Normalise(mention).Length))
            {
                bestScore = s;
                bestEntry = entry;
                mention = string.Join(" ", tokens.Skip(start).Take(count).Select(t => t.Original));
            }
        }
        if (bestEntry >= 0 && bestScore >= TextMinScore)
            return new TextMatch(_entries[bestEntry], Math.Round(bestScore, 3), mention, null);
        return TextMatch.None(UnknownToolName(text));
    }

    /// <summary>
    /// Every register tool a message mentions, in the order they appear ("Is Copilot OK, or should I stick to Canva
    /// and Gemini?" → three), scored as in <see cref="FindInText"/>. Mentions may not overlap: the stronger (then the
    /// longer) one keeps the words; each tool is listed once.
    /// </summary>
    public IReadOnlyList<TextMatch> FindAllInText(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var tokens = Tokens(text);
        var candidates = TextCandidates(tokens).Where(c => c.Score >= TextMinScore).ToList();
        var taken = new bool[tokens.Count];
        var chosen = new Dictionary<int, (double Score, int Start, int Count)>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.Count).ThenBy(c => c.Start))
        {
            if (chosen.ContainsKey(c.Entry)) continue;
            var free = true;
            for (var i = c.Start; i < c.Start + c.Count; i++) free &= !taken[i];
            if (!free) continue;
            for (var i = c.Start; i < c.Start + c.Count; i++) taken[i] = true;
            chosen[c.Entry] = (c.Score, c.Start, c.Count);
        }
        return chosen.OrderBy(kv => kv.Value.Start)
            .Select(kv => new TextMatch(_entries[kv.Key], Math.Round(kv.Value.Score, 3),
                string.Join(" ", tokens.Skip(kv.Value.Start).Take(kv.Value.Count).Select(t => t.Original)), null))
            .ToList();
    }

    /// <summary>Every (entry, score) a run of 1–4 words of a message could mean, with the run's position.</summary>
    private IEnumerable<(int Entry, double Score, int Start, int Count, string Candidate)> TextCandidates(List<Token> tokens)
    {
        foreach (var (candidate, start, count) in NGrams(tokens))
        {
            // Index loops, not LINQ: this runs for every 1–4 word run of every message.
            var common = 0;
            for (var i = start; i < start + count; i++) if (CommonWords.Contains(tokens[i].Normalised)) common++;
            if (common == count) continue;
            if (count == 1 && candidate.Length < 3) continue;
            var fuzzy = common == 0;
            foreach (var (entry, score, kind) in Lookup(candidate, fuzzy, allowPrefix: false))
            {
                var s = score;
                // A bare vendor name ("Microsoft", "Khan Academy") is a tool mention only next to AI words
                // ("Khan Academy's AI tutor", "Oak's AI assistant").
                if (kind is KeyKind.Vendor or KeyKind.VendorWord)
                {
                    s = NearAiWord(tokens, start, count) ? 0.85 * score / BaseScore(kind) : score;
                }
                yield return (entry, s, start, count, candidate);
            }
        }
    }

    private void MatchCandidate(string candidate, bool allowFuzzy, bool allowPrefix, Dictionary<int, double> best, double weight)
    {
        foreach (var (entry, score, _) in Lookup(candidate, allowFuzzy, allowPrefix))
        {
            var s = score * weight;
            if (!best.TryGetValue(entry, out var old) || s > old) best[entry] = s;
        }
    }

    [ThreadStatic] private static int[]? _counts;

    private IEnumerable<(int Entry, double Score, KeyKind Kind)> Lookup(string q, bool allowFuzzy, bool allowPrefix)
    {
        var results = new List<(int, double, KeyKind)>();
        if (_exact.TryGetValue(q, out var exact))
        {
            foreach (var k in exact) results.Add((_keys[k].Entry, BaseScore(_keys[k].Kind), _keys[k].Kind));
        }
        if (allowPrefix)
        {
            var lo = LowerBound(q);
            for (var i = lo; i < _sortedTexts.Length && i < lo + 50 && _sortedTexts[i].StartsWith(q, StringComparison.Ordinal); i++)
            {
                var key = _keys[_sortedKeys[i]];
                if (key.Text.Length == q.Length) continue;
                results.Add((key.Entry, BaseScore(key.Kind) * (0.5 + 0.4 * q.Length / key.Text.Length), key.Kind));
            }
        }
        if (allowFuzzy && q.Length >= MinFuzzyLength - 1)
        {
            var counts = _counts is { } c && c.Length >= _keys.Length ? c : _counts = new int[Math.Max(_keys.Length, 16)];
            var touched = new List<int>();
            foreach (var t in Trigrams(q).Distinct())
            {
                if (!_trigrams.TryGetValue(t, out var posting)) continue;
                foreach (var k in posting)
                {
                    if (counts[k]++ == 0) touched.Add(k);
                }
            }
            // With one padding character each side a string of length n has n trigrams; an edit breaks at most 3
            // of them and a transposition ("copliot") at most 4: allow one transposition.
            foreach (var k in touched)
            {
                var shared = counts[k];
                counts[k] = 0;
                var key = _keys[k];
                var allowed = AllowedDistance(key.Text.Length);
                if (allowed == 0 || Math.Abs(key.Text.Length - q.Length) > allowed) continue;
                if (shared < Math.Max(q.Length, key.Text.Length) - (3 * allowed + 1)) continue; // q-gram lemma
                var d = EditDistance.Bounded(q, key.Text, allowed);
                if (d is > 0 && d <= allowed)
                    results.Add((key.Entry, BaseScore(key.Kind) * (1 - (double)d / (key.Text.Length + 1)), key.Kind));
            }
        }
        return results;
    }

    private int LowerBound(string q)
    {
        int lo = 0, hi = _sortedTexts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(_sortedTexts[mid], q) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static IEnumerable<string> Trigrams(string s)
    {
        var padded = "^" + s + "$";
        for (var i = 0; i + 3 <= padded.Length; i++) yield return padded.Substring(i, 3);
    }

    private readonly record struct Token(string Original, string Normalised);

    private static List<Token> Tokens(string text) =>
        WordPattern().Matches(text).Select(m => new Token(m.Value, ToolNames.Normalise(m.Value)))
            .Where(t => t.Normalised.Length > 0).ToList();

    private static IEnumerable<string> Words(string text) => Tokens(text).Select(t => t.Normalised);

    /// <summary>Runs of 1–4 adjacent words joined without spaces: "chat gtp" → "chatgtp", "co-pilot" → "copilot".</summary>
    private static IEnumerable<(string Candidate, int Start, int Count)> NGrams(List<Token> tokens)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var joined = "";
            for (var count = 1; count <= 4 && start + count <= tokens.Count; count++)
            {
                joined += tokens[start + count - 1].Normalised;
                yield return (joined, start, count);
            }
        }
    }

    private static readonly HashSet<string> AiWords = new(StringComparer.Ordinal)
    {
        "ai", "assistant", "tutor", "bot", "chatbot", "gpt", "genai", "magic", "writer", "copilot", "llm",
    };

    private static bool NearAiWord(List<Token> tokens, int start, int count)
    {
        for (var i = Math.Max(0, start - 3); i < Math.Min(tokens.Count, start + count + 3); i++)
        {
            if ((i < start || i >= start + count) && AiWords.Contains(tokens[i].Normalised)) return true;
        }
        return false;
    }

    /// <summary>
    /// A capitalised, non-everyday word (and a capitalised word after it) looks like a product name:
    /// "Is Perplexity approved?" → "Perplexity", "request for Brisk Teaching" → "Brisk Teaching".
    /// </summary>
    private static string? UnknownToolName(string text)
    {
        foreach (Match m in NameLike().Matches(text))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && CommonWords.Contains(ToolNames.Normalise(words[0]))) words.RemoveAt(0);
            var kept = new List<string>();
            foreach (var w in words)
            {
                if (CommonWords.Contains(ToolNames.Normalise(w)) || IsAcronymLike(w)) break;
                kept.Add(w);
            }
            if (kept.Count > 0 && ToolNames.Normalise(kept[0]).Length >= 3) return string.Join(" ", kept);
        }
        return null;
    }

    private static bool IsAcronymLike(string w) => w.Length <= 4 && w.All(ch => char.IsUpper(ch) || char.IsDigit(ch));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.-])\p{Lu}[\p{L}\p{N}]*(?:[.-][\p{L}\p{N}]+)*(?:[ ]+\p{Lu}[\p{L}\p{N}]*(?:[.-][\p{L}\p{N}]+)*){0,2}")]
    private static partial Regex NameLike();
}
