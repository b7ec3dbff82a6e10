using System.IO.Compression;
using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>
/// Deterministic multinomial naive Bayes over feature tokens (word n-grams and layer tokens), with uniform class
/// priors (the mailbox mix is unknown) and a softmax temperature chosen by k-fold cross-validation on the training
/// set only, so scores are usable for the abstain threshold.
/// </summary>
public sealed class NaiveBayesModel
{
    private readonly TriageCategory[] _classes;
    private readonly Dictionary<string, double[]> _logLikelihood;
    private readonly double[] _unseen;

    private NaiveBayesModel(TriageCategory[] classes, Dictionary<string, double[]> logLikelihood, double[] unseen, double temperature)
    {
        _classes = classes;
        _logLikelihood = logLikelihood;
        _unseen = unseen;
        Temperature = temperature;
    }

    public double Temperature { get; }

    public IReadOnlyList<TriageCategory> Classes => _classes;

    public static NaiveBayesModel Train(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha = 0.3) =>
        FromTables(Count(rows, alpha));

    /// <summary>
    /// What a fitted model is made of: token counts per class, class totals, the smoothing and the temperature. Small
    /// enough to store with a trained model (<see cref="Write"/>), so loading it needs no training mail and no refit.
    /// </summary>
    public sealed record Tables(TriageCategory[] Classes, Dictionary<string, double[]> Counts, double[] Totals, double Alpha, double Temperature);

    /// <summary>The tables of <paramref name="rows"/>, with the temperature chosen by cross-validation on them.</summary>
    public static Tables Count(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha = 0.3) =>
        CountRows(rows, alpha, ChooseTemperature(rows, alpha));

    /// <summary>The model of stored tables: the same probabilities, to the last bit, as the model they were counted for.</summary>
    public static NaiveBayesModel FromTables(Tables t)
    {
        var vocabulary = t.Counts.Count + 1;
        var unseen = t.Totals.Select(total => Math.Log(t.Alpha / (total + t.Alpha * vocabulary))).ToArray();
        var ll = new Dictionary<string, double[]>(t.Counts.Count, StringComparer.Ordinal);
        foreach (var (token, arr) in t.Counts)
        {
            var v = new double[t.Classes.Length];
            for (var c = 0; c < v.Length; c++) v[c] = Math.Log((arr[c] + t.Alpha) / (t.Totals[c] + t.Alpha * vocabulary));
            ll[token] = v;
        }
        return new NaiveBayesModel(t.Classes, ll, unseen, t.Temperature);
    }

    private const string TablesMagic = "AIP-NB-1";

    /// <summary>
    /// Writes <paramref name="t"/> gzip-compressed: each token once with its non-zero counts (integers). The bytes
    /// depend only on the tables, so the same training gives the same file.
    /// </summary>
    public static void Write(Tables t, Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(TablesMagic);
        w.Write(t.Alpha);
        w.Write(t.Temperature);
        w.Write7BitEncodedInt(t.Classes.Length);
        foreach (var c in t.Classes) w.Write7BitEncodedInt((int)c);
        foreach (var total in t.Totals) w.Write(total);
        w.Write7BitEncodedInt(t.Counts.Count);
        foreach (var (token, counts) in t.Counts)
        {
            w.Write(token);
            w.Write7BitEncodedInt(counts.Count(n => n != 0));
            for (var c = 0; c < counts.Length; c++)
            {
                if (counts[c] == 0) continue;
                if (counts[c] != Math.Floor(counts[c]) || counts[c] > int.MaxValue) throw new InvalidDataException($"Count {counts[c]} of '{token}' is not a whole number.");
                w.Write7BitEncodedInt(c);
                w.Write7BitEncodedInt((int)counts[c]);
            }
        }
    }

    /// <summary>Tables written by <see cref="Write"/>.</summary>
    public static Tables Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gzip, Encoding.UTF8);
        if (r.ReadString() != TablesMagic) throw new InvalidDataException("Not naive Bayes tables.");
        var alpha = r.ReadDouble();
        var temperature = r.ReadDouble();
        var classes = new TriageCategory[r.Read7BitEncodedInt()];
        for (var c = 0; c < classes.Length; c++) classes[c] = (TriageCategory)r.Read7BitEncodedInt();
        var totals = new double[classes.Length];
        for (var c = 0; c < totals.Length; c++) totals[c] = r.ReadDouble();
        var size = r.Read7BitEncodedInt();
        var counts = new Dictionary<string, double[]>(size, StringComparer.Ordinal);
        for (var i = 0; i < size; i++)
        {
            var token = r.ReadString();
            var arr = new double[classes.Length];
            for (var n = r.Read7BitEncodedInt(); n > 0; n--) arr[r.Read7BitEncodedInt()] = r.Read7BitEncodedInt();
            counts.Add(token, arr);
        }
        return new Tables(classes, counts, totals, alpha, temperature);
    }

    /// <summary>Class probabilities (summing to 1), in <see cref="Classes"/> order.</summary>
    public IReadOnlyDictionary<TriageCategory, double> Predict(IReadOnlyList<string> tokens)
    {
        var probabilities = Softmax(Scores(tokens), Temperature);
        var result = new Dictionary<TriageCategory, double>();
        for (var c = 0; c < _classes.Length; c++) result[_classes[c]] = probabilities[c];
        return result;
    }

    /// <summary>Summed log-likelihoods per class; they do not depend on the temperature.</summary>
    private double[] Scores(IReadOnlyList<string> tokens)
    {
        var scores = new double[_classes.Length];
        foreach (var token in tokens)
        {
            var ll = _logLikelihood.GetValueOrDefault(token);
            if (ll is null) continue; // unseen everywhere: no evidence
            for (var c = 0; c < scores.Length; c++) scores[c] += ll[c];
        }
        return scores;
    }

    private static double[] Softmax(double[] scores, double temperature)
    {
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp((s - max) / temperature)).ToArray();
        var sum = exp.Sum();
        for (var c = 0; c < exp.Length; c++) exp[c] /= sum;
        return exp;
    }

    private static NaiveBayesModel Fit(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha, double temperature) =>
        FromTables(CountRows(rows, alpha, temperature));

    private static Tables CountRows(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha, double temperature)
    {
        var classes = rows.Select(r => r.Label).Distinct().OrderBy(c => c).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[classes.Length];
        foreach (var (tokens, label) in rows)
        {
            var ci = index[label];
            foreach (var t in tokens)
            {
                if (!counts.TryGetValue(t, out var arr)) counts[t] = arr = new double[classes.Length];
                arr[ci]++;
                totals[ci]++;
            }
        }
        return new Tables(classes, counts, totals, alpha, temperature);
    }

    /// <summary>The temperature with the lowest cross-validated log-loss on the training rows (5 folds, fixed split).</summary>
    /// <remarks>
    /// One fit per fold, not per fold and candidate: the temperature only rescales the scores, so each test row is
    /// scored once and every candidate's softmax is taken from the same scores (half of training time).
    /// Each candidate's loss still adds up in the same order, so the chosen temperature is the same to the last bit.
    /// </remarks>
    private static double ChooseTemperature(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha)
    {
        const int folds = 5;
        var candidates = new[] { 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0 };
        var loss = new double[candidates.Length];
        for (var f = 0; f < folds; f++)
        {
            var train = rows.Where((_, i) => i % folds != f).ToList();
            var test = rows.Where((_, i) => i % folds == f).ToList();
            if (train.Select(r => r.Label).Distinct().Count() < 2 || test.Count == 0) continue;
            var model = Fit(train, alpha, temperature: 1.0);
            foreach (var (tokens, label) in test)
            {
                var scores = model.Scores(tokens);
                var c = Array.IndexOf(model._classes, label); // -1: a class this fold never trained on
                for (var k = 0; k < candidates.Length; k++)
                {
                    var p = c < 0 ? 0 : Softmax(scores, candidates[k])[c];
                    loss[k] -= Math.Log(Math.Max(p, 1e-9));
                }
            }
        }
        return candidates[Array.IndexOf(loss, loss.Min())];
    }
}
