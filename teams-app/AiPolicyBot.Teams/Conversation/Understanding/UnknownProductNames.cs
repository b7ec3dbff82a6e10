using System.Text.RegularExpressions;
using AiPolicyBot.Register;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// A product name that is in neither the register nor the catalogue, taken only when it looks like one: a word
/// written like a brand (QuillBot, Gamma3, Fireflies.ai), or a capitalised word inside a sentence, or whatever follows
/// "called"/"named". Never an ordinary word, a person, a place, a subject, a year group, a school term or one of the
/// Trust's academies (<see cref="NotProductNames"/> and the configured academy names). When in doubt: no name, and the
/// answer asks which tool.
/// </summary>
public sealed partial class UnknownProductNames(Func<IEnumerable<string>> academyNames)
{
    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}]|[.\-'](?=[\p{L}\p{N}]))*", Options, TimeoutMs)]
    private static partial Regex WordPattern { get; }

    [GeneratedRegex(@"\b(?:called|named)\s+([\p{L}\p{N}][\p{L}\p{N}.\-]{2,30})", Options, TimeoutMs)]
    private static partial Regex CalledPattern { get; }

    [GeneratedRegex(@"\.(?:ai|io|app|com|so|co)$", Options, TimeoutMs)]
    private static partial Regex DomainSuffix { get; }

    [GeneratedRegex(@"^(AIP-\d|[A-Z]{1,4}-?\d)", Options, TimeoutMs)]
    private static partial Regex ReferenceLike { get; }

    private readonly record struct Word(string Text, int Index, bool SentenceStart);

    /// <summary>The product name as written, or null.</summary>
    public string? Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var academies = AcademyWords();
        var words = Words(text);
        // Shouted or Title Case text capitalises everything, so capitals say nothing there.
        var shouted = !text.Any(char.IsLower) || (words.Count > 3 && words.Count(x => IsCapitalised(x.Text)) * 10 >= words.Count * 6);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!StartsName(w, shouted, academies) || AfterTitle(words, i)) continue;
            var kept = new List<string> { w.Text };
            for (var j = i + 1; j < words.Count && kept.Count < 3; j++)
            {
                var next = words[j];
                if (next.SentenceStart || !IsCapitalised(next.Text) || shouted || IsExcluded(next.Text, academies)) break;
                kept.Add(next.Text);
            }
            return string.Join(" ", kept);
        }
        var called = CalledPattern.Match(text);
        if (called.Success)
        {
            var name = called.Groups[1].Value.TrimEnd('.', '-');
            if (!IsExcluded(name, academies) && !OrdinaryWords.Contains(ToolNames.Normalise(name))) return name;
        }
        return null;
    }

    /// <summary>A catalogue match on one lower-case everyday word ("writer", "gamma ray") is not a product mention.</summary>
    public bool IsOrdinaryWordMention(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention) || mention.Contains(' ')) return false;
        return !mention.Any(char.IsUpper) && OrdinaryWords.Contains(ToolNames.Normalise(mention));
    }

    private static bool StartsName(Word w, bool shouted, HashSet<string> academies)
    {
        if (IsExcluded(w.Text, academies)) return false;
        if (LooksLikeBrand(w.Text)) return true;
        return !shouted && !w.SentenceStart && IsCapitalised(w.Text) && !IsAcronym(w.Text) && ToolNames.Normalise(w.Text).Length >= 3;
    }

    /// <summary>Brand-shaped: an inner capital (QuillBot), letters with digits (Gamma3), or a web name (Fireflies.ai).</summary>
    private static bool LooksLikeBrand(string w)
    {
        if (DomainSuffix.IsMatch(w) && w.Length > 4) return true;
        var letters = w.Count(char.IsLetter);
        if (letters >= 3 && w.Any(char.IsDigit) && !YearGroupLike(w)) return true;
        for (var i = 1; i < w.Length; i++)
        {
            if (char.IsUpper(w[i]) && char.IsLower(w[i - 1])) return true;
        }
        return false;
    }

    private static bool YearGroupLike(string w) =>
        w.StartsWith("year", StringComparison.OrdinalIgnoreCase) || w.StartsWith("yr", StringComparison.OrdinalIgnoreCase)
        || w.StartsWith("ks", StringComparison.OrdinalIgnoreCase) || w.StartsWith('y') || w.StartsWith('Y')
        || w.EndsWith("th", StringComparison.OrdinalIgnoreCase) || w.EndsWith("st", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("nd", StringComparison.OrdinalIgnoreCase) || w.EndsWith("rd", StringComparison.OrdinalIgnoreCase);

    private static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    private static bool IsAcronym(string w) => w.Length <= 5 && w.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static bool AfterTitle(List<Word> words, int i) =>
        i > 0 && Titles.Contains(ToolNames.Normalise(words[i - 1].Text));

    private static bool IsExcluded(string w, HashSet<string> academies)
    {
        var n = ToolNames.Normalise(w);
        return n.Length < 2 || ReferenceLike.IsMatch(w) || NearAcademy(n, academies) || NotProductNames.Contains(n) || OrdinaryWords.Contains(n) || academies.Contains(n)
               || (n.EndsWith('s') && (NotProductNames.Contains(n[..^1]) || OrdinaryWords.Contains(n[..^1])));
    }

    /// <summary>An academy's name word, or one typo away from it ("Oakfiled").</summary>
    private static bool NearAcademy(string n, HashSet<string> academies) =>
        academies.Contains(n) || (n.Length >= 5 && academies.Any(a => a.Length >= 5 && EditDistance.Bounded(n, a, 1) is 1));

    /// <summary>A one-word fuzzy mention that is an everyday word, a school term or an academy is not a product ("Sorry", "SENCo").</summary>
    public bool IsExcludedWord(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention) || mention.Contains(' ')) return false;
        return IsExcluded(mention, AcademyWords());
    }

    private HashSet<string> AcademyWords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in academyNames())
        {
            set.Add(ToolNames.Normalise(name));
            foreach (Match m in WordPattern.Matches(name))
            {
                var w = ToolNames.Normalise(m.Value);
                set.Add(w);
                if (w.EndsWith('s')) set.Add(w[..^1]);
            }
        }
        return set;
    }

    private static List<Word> Words(string text)
    {
        var list = new List<Word>();
        var lastEnd = 0;
        foreach (Match m in WordPattern.Matches(text))
        {
            var between = text.AsSpan(lastEnd, m.Index - lastEnd);
            var sentenceStart = list.Count == 0 || between.IndexOfAny(".!?;\n") >= 0;
            list.Add(new Word(m.Value, m.Index, sentenceStart));
            lastEnd = m.Index + m.Length;
        }
        return list;
    }

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "dr", "sir", "mx", "prof", "dame", "lord", "lady", "saint" };
}
