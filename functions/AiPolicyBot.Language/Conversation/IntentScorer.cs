using System.Buffers;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The intent model's predictions from its exported tables, without ML.NET: the same features as ML.NET's
/// <c>FeaturizeText</c> (<see cref="IntentFeaturizer"/>: character and word n-gram counts, each block scaled to unit
/// L2 length on its own), the linear scores and the maximum-entropy softmax, in the same single-precision arithmetic
/// (docs/spec/intent-scorer.md). Thread-safe: the tables are read-only and each call rents its buffers.
/// </summary>
public sealed class IntentScorer
{
    private readonly Dictionary<ulong, int> _charSlots;
    private readonly Dictionary<string, int> _wordIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordIdsBySpan;
    private readonly Dictionary<ulong, int> _wordSlots;
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly int _classes;
    private readonly int _charN;
    private readonly int _wordN;
    private readonly int _wordBits;
    private readonly string[] _labels;

    public IntentScorer(IntentModelTables tables)
    {
        if (tables.CharNgramLength is < 1 or > 4) throw new ArgumentException("character n-grams of 1 to 4 characters are supported", nameof(tables));
        if (tables.WordNgramLength is < 1 or > 4) throw new ArgumentException("word n-grams of 1 to 4 words are supported", nameof(tables));
        _labels = tables.Labels;
        _classes = tables.Labels.Length;
        _charN = tables.CharNgramLength;
        _wordN = tables.WordNgramLength;
        _wordBits = 64 / _wordN;
        if (tables.Words.Length >= 1L << Math.Min(_wordBits, 31)) throw new ArgumentException("too many words to pack an n-gram in 64 bits", nameof(tables));
        _weights = tables.Weights;
        _biases = tables.Biases;

        _charSlots = new Dictionary<ulong, int>(tables.CharGrams.Length);
        for (var slot = 0; slot < tables.CharGrams.Length; slot++)
            _charSlots.Add(CharKey(tables.CharGrams[slot]), slot);
        _wordIds = new Dictionary<string, int>(tables.Words.Length, StringComparer.Ordinal);
        for (var i = 0; i < tables.Words.Length; i++) _wordIds.Add(tables.Words[i], i + 1);
        _wordIdsBySpan = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordSlots = new Dictionary<ulong, int>(tables.WordGrams.Length);
        for (var slot = 0; slot < tables.WordGrams.Length; slot++)
            _wordSlots.Add(WordKey(tables.WordGrams[slot]), tables.CharGrams.Length + slot);
    }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// Each intent's probability, in <see cref="Labels"/> order, for text already prepared by
    /// <see cref="IntentText.Prepare"/>: what ML.NET's prediction engine gives as its "Score" column.
    /// </summary>
    public void Score(string prepared, Span<float> probabilities)
    {
        if (probabilities.Length != _classes) throw new ArgumentException($"expected {_classes} probabilities", nameof(probabilities));
        var text = IntentFeaturizer.Normalise(prepared);
        var slots = ArrayPool<int>.Shared.Rent((text.Length + 2) * Math.Max(_charN, _wordN) + 1);
        var words = ArrayPool<int>.Shared.Rent(IntentFeaturizer.MaxWords(text) + 1);
        try
        {
            for (var c = 0; c < _classes; c++) probabilities[c] = 0;
            AddBlock(slots.AsSpan(0, CharSlots(text, slots)), probabilities);
            AddBlock(slots.AsSpan(0, WordSlots(text, slots, words)), probabilities);
            for (var c = 0; c < _classes; c++) probabilities[c] += _biases[c];
            SoftMax(probabilities);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(words);
            ArrayPool<int>.Shared.Return(slots);
        }
    }

    // The character n-grams' slots, start by start. A '\0' is ML.NET's missing key: no n-gram through it is known.
    private int CharSlots(string text, int[] slots)
    {
        if (text.Length == 0) return 0;
        var length = text.Length + 2;
        var count = 0;
        for (var start = 0; start < length; start++)
        {
            ulong key = 0;
            for (var n = 1; n <= _charN && start + n <= length; n++)
            {
                var i = start + n - 1;
                var c = i == 0 ? IntentFeaturizer.TextStart : i == length - 1 ? IntentFeaturizer.TextEnd : text[i - 1];
                if (c == '\0') break;
                key |= (ulong)c << (16 * (n - 1));
                if (_charSlots.TryGetValue(key, out var slot)) slots[count++] = slot;
            }
        }
        return count;
    }

    // The word n-grams' slots. A word training never met is ML.NET's missing key: no n-gram through it is known.
    private int WordSlots(string text, int[] slots, int[] ids)
    {
        var wordCount = 0;
        var begin = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ') continue;
            if (i > begin) ids[wordCount++] = _wordIdsBySpan.TryGetValue(text.AsSpan(begin, i - begin), out var id) ? id : 0;
            begin = i + 1;
        }
        var count = 0;
        for (var start = 0; start < wordCount; start++)
        {
            ulong key = 0;
            for (var n = 1; n <= _wordN && start + n <= wordCount; n++)
            {
                var id = ids[start + n - 1];
                if (id == 0) break;
                key |= (ulong)id << (_wordBits * (n - 1));
                if (_wordSlots.TryGetValue(key, out var slot)) slots[count++] = slot;
            }
        }
        return count;
    }

    // One block's term counts, scaled to unit L2 length as ML.NET's LpNorm does, times the weights.
    private void AddBlock(Span<int> slots, Span<float> scores)
    {
        if (slots.IsEmpty) return;
        slots.Sort();
        var sumSquares = 0f;
        for (var i = 0; i < slots.Length;)
        {
            var run = Run(slots, i);
            sumSquares += (float)run * run;
            i += run;
        }
        var scale = 1f;
        var norm = MathF.Sqrt(sumSquares);
        if (norm > 0) scale /= norm;
        if (scale < 1e-8f) scale = 1;
        for (var i = 0; i < slots.Length;)
        {
            var run = Run(slots, i);
            var value = run * scale;
            var row = _weights.AsSpan(slots[i] * _classes, _classes);
            for (var c = 0; c < _classes; c++) scores[c] += row[c] * value;
            i += run;
        }
    }

    private static int Run(Span<int> sorted, int i)
    {
        var j = i + 1;
        while (j < sorted.Length && sorted[j] == sorted[i]) j++;
        return j - i;
    }

    // ML.NET's maximum-entropy calibration: log-sum-exp from the largest score (others more than 30 below it are
    // ignored), then each score's exponent, in single precision.
    private static void SoftMax(Span<float> scores)
    {
        var maxIndex = 0;
        var max = float.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > max) { maxIndex = i; max = scores[i]; }
        }
        float logSum;
        if (float.IsNegativeInfinity(max) || scores.Length == 1) logSum = max;
        else
        {
            var sum = 0.0;
            var cutoff = max - 30f;
            for (var i = 0; i < scores.Length; i++)
                if (i != maxIndex && scores[i] > cutoff) sum += Math.Exp(scores[i] - max);
            logSum = sum > 0 ? (float)(max + Math.Log(1.0 + sum)) : max;
        }
        for (var i = 0; i < scores.Length; i++) scores[i] = (float)Math.Exp(scores[i] - logSum);
    }

    private static ulong CharKey(string gram)
    {
        ulong key = 0;
        for (var i = 0; i < gram.Length; i++)
        {
            if (gram[i] == '\0') throw new ArgumentException("a character n-gram holds '\\0', which ML.NET never keeps");
            key |= (ulong)gram[i] << (16 * i);
        }
        return key;
    }

    private ulong WordKey(int[] gram)
    {
        ulong key = 0;
        for (var i = 0; i < gram.Length; i++)
        {
            if (gram[i] <= 0) throw new ArgumentException("a word n-gram holds a word id below 1");
            key |= (ulong)gram[i] << (_wordBits * i);
        }
        return key;
    }
}
