using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// Exports a trained <see cref="MlIntentModel"/> as <see cref="IntentModelTables"/> (docs/spec/intent-scorer.md).
/// ML.NET names each feature slot ("Char.a|b", "Word.can|i") but not unambiguously (a word may hold '|'; every half of
/// an emoji is named alike), so the n-grams are rebuilt from the training texts in the order ML.NET met them, and each
/// one's name is checked against the slot's: a featurisation that differs from ML.NET's fails the export.
/// </summary>
public static class IntentModelExport
{
    private const string CharPrefix = "Char.", WordPrefix = "Word.";

    /// <param name="model">The model trained on <paramref name="trainingRows"/>, or loaded from its file.</param>
    /// <param name="trainingRows">The rows it was trained on, in the same order.</param>
    public static IntentModelTables Export(MlIntentModel model, IReadOnlyList<ChatExample> trainingRows, IntentModelOptions? options = null)
    {
        var o = options ?? IntentModelOptions.Default;
        var names = SlotNames(model);
        var (charGrams, words, wordGrams) = Rebuild(trainingRows.Select(r => IntentFeaturizer.Normalise(IntentText.Prepare(r.Text))), o);
        Check(names, 0, charGrams.Select(g => CharPrefix + CharGramName(g)).ToList());
        Check(names, charGrams.Count, wordGrams.Select(g => WordPrefix + string.Join('|', g.Select(id => words[id - 1]))).ToList());
        if (names.Length != charGrams.Count + wordGrams.Count)
            throw new InvalidOperationException($"the model has {names.Length} feature slots; the featurisation rebuilt {charGrams.Count + wordGrams.Count}");

        var predictor = Predictor(model);
        VBuffer<float>[] perClass = [];
        predictor.GetWeights(ref perClass, out var classes);
        var biases = predictor.GetBiases().ToArray();
        if (classes != model.Labels.Count || biases.Length != classes) throw new InvalidOperationException("classes and labels differ");
        var weights = new float[names.Length * classes];
        for (var c = 0; c < classes; c++)
        {
            if (perClass[c].Length != names.Length) throw new InvalidOperationException("weights and feature slots differ in length");
            var s = 0;
            foreach (var w in perClass[c].DenseValues()) weights[s++ * classes + c] = w;
        }
        return new IntentModelTables
        {
            Labels = model.Labels.ToArray(),
            CharNgramLength = o.CharNgrams,
            WordNgramLength = o.WordNgrams,
            CharGrams = charGrams.ToArray(),
            Words = words.ToArray(),
            WordGrams = wordGrams.ToArray(),
            Weights = weights,
            Biases = biases,
        };
    }

    /// <summary>The committed model's tables, from the committed training data (what intent-model.bin must hold).</summary>
    public static IntentModelTables Committed(MlIntentModel committed) => Export(committed, IntentModelFiles.TrainingSet());

    private static string[] SlotNames(MlIntentModel model)
    {
        var schema = model.Transformer.GetOutputSchema(model.InputSchema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Features"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private static MaximumEntropyModelParameters Predictor(MlIntentModel model)
    {
        // A trained chain and a loaded one differ in their type argument; both enumerate their transformers.
        var last = (model.Transformer as IEnumerable<ITransformer>)?.LastOrDefault();
        return (last as MulticlassPredictionTransformer<MaximumEntropyModelParameters>)?.Model
            ?? throw new InvalidOperationException($"expected a maximum-entropy classifier last, found {last?.GetType().Name ?? "no chain"}");
    }

    // The n-gram dictionaries as ML.NET builds them: row by row, start by start, length by length, first sight wins.
    private static (List<string> CharGrams, List<string> Words, List<int[]> WordGrams) Rebuild(IEnumerable<string> normalisedTexts, IntentModelOptions o)
    {
        var charGrams = new List<string>();
        var charSeen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordGrams = new List<int[]>();
        var wordSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in normalisedTexts)
        {
            var framed = IntentFeaturizer.Framed(text);
            if (framed.Contains('\0')) throw new InvalidOperationException("a training text holds '\\0' (ML.NET's missing key)");
            foreach (var (start, length) in IntentFeaturizer.Grams(framed.Length, o.CharNgrams))
            {
                var gram = framed.Substring(start, length);
                if (charSeen.Add(gram)) charGrams.Add(gram);
            }
            var ranges = new Range[IntentFeaturizer.MaxWords(text)];
            var ids = ranges.AsSpan(0, IntentFeaturizer.Words(text, ranges)).ToArray().Select(r =>
            {
                var word = text[r];
                if (!wordIds.TryGetValue(word, out var id)) { words.Add(word); wordIds[word] = id = words.Count; }
                return id;
            }).ToArray();
            foreach (var (start, length) in IntentFeaturizer.Grams(ids.Length, o.WordNgrams))
            {
                var gram = ids.AsSpan(start, length).ToArray();
                if (wordSeen.Add(string.Join(',', gram))) wordGrams.Add(gram);
            }
        }
        return (charGrams, words, wordGrams);
    }

    private static void Check(string[] names, int offset, List<string> expected)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            if (offset + i >= names.Length || names[offset + i] != expected[i])
                throw new InvalidOperationException($"feature slot {offset + i}: ML.NET names it '{(offset + i < names.Length ? names[offset + i] : "(none)")}', the featurisation rebuilt '{expected[i]}'");
        }
    }

    private static string CharGramName(string gram)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < gram.Length; i++)
        {
            if (i > 0) sb.Append('|');
            AppendCharName(gram[i], sb);
        }
        return sb.ToString();
    }

    // How ML.NET's character tokeniser names a character: control characters and space as control pictures, C1
    // controls by their abbreviations, surrogates all alike.
    private static void AppendCharName(char c, StringBuilder sb)
    {
        if (c <= 0x20) { sb.Append('<').Append((char)(c + '\u2400')).Append('>'); return; }
        if (c is >= '\uD800' and <= '\uDFFF') { sb.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, "\\u{0:4X}", (int)c); return; }
        sb.Append(c switch
        {
            '\u007f' => "<\u2421>",
            >= '\u0080' and <= '\u009f' => "<" + C1Names[c - 0x80] + ">",
            '\u2028' => "<LSEP>",
            '\u2029' => "<PSEP>",
            _ => c.ToString(),
        });
    }

    private static readonly string[] C1Names =
    [
        "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
        "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC",
    ];
}
