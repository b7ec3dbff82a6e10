using AiPolicyBot.Triage;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// A discriminative breach passage model (docs/triage-quality.md "What was tried"): logistic regression (ML.NET SDCA)
/// on the words and word pairs of a window of sentences, optionally with the words of the sentence either side as
/// features of their own. Unlike naive Bayes it can weigh context words against strong breach words ("nearly",
/// "didn't", "another school" can learn negative weights). Trained on the same passages as <see cref="BreachPassageModel"/>:
/// every window of other mail is "not a breach", the strongest window of each breach report (by naive Bayes trained on
/// every window of the reports) is "breach". Thread-safe (one prediction engine under a lock).
/// </summary>
public sealed class LogisticBreachPassages
{
    private readonly PredictionEngine<PassageRow, PassageScore> _engine;
    private readonly Lock _gate = new();
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    public int Window { get; }

    public bool WithNeighbours { get; }

    private LogisticBreachPassages(MLContext ml, ITransformer model, int window, bool withNeighbours)
    {
        _ml = ml;
        _model = model;
        _engine = ml.Model.CreatePredictionEngine<PassageRow, PassageScore>(model);
        Window = window;
        WithNeighbours = withNeighbours;
    }

    /// <summary>The breach probability of each window of <paramref name="sentences"/>, in order.</summary>
    public IReadOnlyList<double> Scores(IReadOnlyList<string> sentences)
    {
        var scores = new List<double>();
        foreach (var row in Rows(sentences, Window, WithNeighbours))
        {
            lock (_gate) scores.Add(_engine.Predict(row).Probability);
        }
        return scores;
    }

    /// <summary>The breach probability of the mail's strongest window (0 for a mail with no text).</summary>
    public double Strongest(IReadOnlyList<string> sentences) => Scores(sentences).DefaultIfEmpty(0).Max();

    public static LogisticBreachPassages Train(
        IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels, int window, bool withNeighbours, float l2)
    {
        var negatives = new List<PassageRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<List<PassageRow>>();
        for (var i = 0; i < evidence.Count; i++)
        {
            var rows = Rows(evidence[i].OwnSentences, window, withNeighbours).ToList();
            if (labels[i] == TriageCategory.Breach) reports.Add(rows);
            else negatives.AddRange(rows.Where(r => seen.Add(r.Passage + "\n" + r.Neighbours)));
        }
        // The strongest window of each report, chosen as BreachPassageModel.Count chooses it.
        var first = BreachPassageModel.FromTables(NaiveBayesModel.Count(
            reports.SelectMany(r => r).Select(r => r.Passage).Distinct(StringComparer.Ordinal)
                .Select(p => ((IReadOnlyList<string>)TriageFeatures.Words(p), TriageCategory.Breach))
                .Concat(negatives.Select(r => r.Passage).Distinct(StringComparer.Ordinal)
                    .Select(p => ((IReadOnlyList<string>)TriageFeatures.Words(p), TriageCategory.Other)))
                .ToList()), window);
        var positives = reports.Where(r => r.Count > 0).Select(r => r.MaxBy(p => first.Score(p.Passage))!)
            .DistinctBy(r => r.Passage + "\n" + r.Neighbours).ToList();
        // Balanced: the breach passages weigh as much, in all, as the others.
        var positiveWeight = positives.Count == 0 ? 1f : (float)negatives.Count / positives.Count;
        foreach (var p in positives) (p.Label, p.Weight) = (true, positiveWeight);

        var ml = new MLContext(seed: TriageModelTrainer.Seed);
        var data = ml.Data.LoadFromEnumerable(positives.Concat(negatives).ToList());
        var text = ml.Transforms.Text.FeaturizeText("PassageFeatures", Options(), nameof(PassageRow.Passage));
        var features = withNeighbours
            ? text.Append(ml.Transforms.Text.FeaturizeText("NeighbourFeatures", Options(), nameof(PassageRow.Neighbours)))
                .Append(ml.Transforms.Concatenate("Features", "PassageFeatures", "NeighbourFeatures"))
            : text.Append(ml.Transforms.Concatenate("Features", "PassageFeatures"));
        var pipeline = features.Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(PassageRow.Label),
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(PassageRow.Weight),
            NumberOfThreads = 1, // deterministic
            MaximumNumberOfIterations = 40,
            L2Regularization = l2,
        }));
        return new LogisticBreachPassages(ml, pipeline.Fit(data), window, withNeighbours);
    }

    /// <summary>Writes the fitted ML.NET model (<see cref="Load"/> reads it back; nothing is refitted).</summary>
    public void Save(Stream stream) => _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<PassageRow>()).Schema, stream);

    public static LogisticBreachPassages Load(Stream stream, int window, bool withNeighbours)
    {
        var ml = new MLContext(seed: TriageModelTrainer.Seed);
        return new LogisticBreachPassages(ml, ml.Model.Load(stream, out _), window, withNeighbours);
    }

    private static TextFeaturizingEstimator.Options Options() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = false,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        CharFeatureExtractor = null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>The windows of <see cref="BreachPassages.Windows"/>, each with the sentence before and after it (when asked).</summary>
    private static IEnumerable<PassageRow> Rows(IReadOnlyList<string> sentences, int window, bool withNeighbours)
    {
        var i = 0;
        foreach (var passage in BreachPassages.Windows(sentences, window))
        {
            var neighbours = "";
            if (withNeighbours && sentences.Count > window)
                neighbours = (i > 0 ? sentences[i - 1] : "") + " " + (i + window < sentences.Count ? sentences[i + window] : "");
            yield return new PassageRow { Passage = passage, Neighbours = neighbours };
            i++;
        }
    }

    public sealed class PassageRow
    {
        public bool Label { get; set; }

        public float Weight { get; set; } = 1;

        public string Passage { get; set; } = "";

        public string Neighbours { get; set; } = "";
    }

    public sealed class PassageScore
    {
        [ColumnName("Probability")]
        public float Probability { get; set; }
    }
}
