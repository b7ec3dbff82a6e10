namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The intent model's text featurisation, done as ML.NET's <c>FeaturizeText</c> does it for the model's options, in
/// plain C# so a chat turn never loads ML.NET (docs/spec/intent-scorer.md): text normalisation (combining diacritics
/// dropped, accented letters mapped to plain ones, invariant lower case), words split on spaces, characters framed by
/// the start and end markers, and the n-grams of each in ML.NET's order (every start, then every length).
/// Parity with ML.NET is tested on every training and development message (IntentScorerParityTests).
/// </summary>
public static class IntentFeaturizer
{
    /// <summary>ML.NET's character tokeniser frames each text with these two characters.</summary>
    public const char TextStart = '\u0002', TextEnd = '\u0003';

    /// <summary>ML.NET's text normaliser with diacritics removed, punctuation and numbers kept, lower case.</summary>
    public static string Normalise(string text)
    {
        var dropped = 0;
        var changed = false;
        foreach (var ch in text)
        {
            if (IsCombiningDiacritic(ch)) dropped++;
            else if (Fold(ch) != ch) changed = true;
        }
        if (dropped == 0 && !changed) return text;
        return string.Create(text.Length - dropped, text, static (dst, src) =>
        {
            var i = 0;
            foreach (var ch in src)
                if (!IsCombiningDiacritic(ch)) dst[i++] = Fold(ch);
        });
    }

    // An accented letter as its plain letter, then invariant lower case: the normaliser's order.
    private static char Fold(char ch)
    {
        if (ch >= '\u00C0' && DiacriticFold.Map.TryGetValue(ch, out var plain)) ch = plain;
        return char.ToLowerInvariant(ch);
    }

    // The ranges ML.NET's normaliser treats as combining diacritics (Latin, Hebrew, Arabic).
    private static bool IsCombiningDiacritic(char ch) =>
        ch is >= '\u0300' and <= '\u036F'
            or >= '\u0591' and <= '\u05BD' or '\u05C1' or '\u05C2' or '\u05C4' or '\u05C5' or '\u05C7'
            or >= '\u0610' and <= '\u0615' or >= '\u064C' and <= '\u065E' or '\u0670';

    /// <summary>
    /// Words as ML.NET's word tokeniser makes them: split on the space character only, empty pieces dropped (other
    /// white space stays inside a word).
    /// </summary>
    public static int Words(ReadOnlySpan<char> text, Span<Range> words)
    {
        var n = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ') continue;
            if (i > start) words[n++] = new Range(start, i);
            start = i + 1;
        }
        return n;
    }

    /// <summary>At most this many words in <paramref name="text"/> (for sizing the buffer of <see cref="Words"/>).</summary>
    public static int MaxWords(ReadOnlySpan<char> text) => text.Length / 2 + 1;

    /// <summary>
    /// Calls <paramref name="gram"/> for each n-gram (start, length) of a sequence of <paramref name="count"/> tokens in
    /// ML.NET's order: for each start, lengths 1 to <paramref name="maxLength"/> (fewer at the end).
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Grams(int count, int maxLength)
    {
        for (var start = 0; start < count; start++)
            for (var length = 1; length <= maxLength && start + length <= count; length++)
                yield return (start, length);
    }

    /// <summary>The characters ML.NET's character tokeniser reads: the text between the markers (none for empty text).</summary>
    public static string Framed(string normalised) => normalised.Length == 0 ? "" : TextStart + normalised + TextEnd;
}
