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

    public static NaiveBayesModel Train(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha = 0.3)
    {
        return Fit(rows, alpha, ChooseTemperature(rows, alpha));
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

    private static NaiveBayesModel Fit(IReadOnlyList<(IReadOnlyList<string> Tokens, TriageCategory Label)> rows, double alpha, double temperature)
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
        var vocabulary = counts.Count + 1;
        var unseen = totals.Select(t => Math.Log(alpha / (t + alpha * vocabulary))).ToArray();
        var ll = new Dictionary<string, double[]>(counts.Count, StringComparer.Ordinal);
        foreach (var (token, arr) in counts)
        {
            var v = new double[classes.Length];
            for (var c = 0; c < v.Length; c++) v[c] = Math.Log((arr[c] + alpha) / (totals[c] + alpha * vocabulary));
            ll[token] = v;
        }
        return new NaiveBayesModel(classes, ll, unseen, temperature);
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
