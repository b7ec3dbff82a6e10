using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AiPolicyBot.Language.Conversation;

/// <summary>One intent and its calibrated probability.</summary>
public readonly record struct IntentScore(string Intent, double Probability);

/// <summary>
/// The staff-message intent model: ML.NET text featurisation (word 1–2-grams and character 1–4-grams over the
/// prepared text, L2-normalised) and a maximum-entropy classifier (SDCA, one thread, fixed seed: the same data gives
/// the same model). Probabilities are sharpened or softened by a temperature fitted on out-of-fold predictions, so
/// "0.9" means right about nine times in ten (docs/conversation-quality.md). Prediction engines are not thread-safe:
/// each call borrows one from a small pool.
/// </summary>
public sealed class IntentModel
{
    public const int Seed = 20261207;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;
    // One engine per concurrent caller, each with its own input and output rows, reused call after call: the hot path
    // allocates only the prepared text and the returned scores.
    private sealed record Slot(PredictionEngine<IntentModelInput, IntentModelOutput> Engine, IntentModelInput Input)
    {
        public IntentModelOutput Output = new();
    }

    private readonly ConcurrentBag<Slot> _engines = [];

    private IntentModel(MLContext ml, ITransformer model, double temperature)
    {
        _ml = ml;
        _model = model;
        Temperature = temperature;
        var engine = NewEngine();
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines.Add(new Slot(engine, new IntentModelInput()));
    }

    /// <summary>Divides the log-probabilities before renormalising: above 1 softens, below 1 sharpens.</summary>
    public double Temperature { get; }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains on the examples (deterministic for the same rows in the same order).</summary>
    public static IntentModel Train(IEnumerable<ChatExample> examples, double temperature = 1.0, IntentModelOptions? options = null)
    {
        var ml = new MLContext(Seed);
        var model = Pipeline(ml, options ?? IntentModelOptions.Default).Fit(ml.Data.LoadFromEnumerable(Inputs(examples)));
        return new IntentModel(ml, model, temperature);
    }

    /// <summary>A copy with another temperature (same weights).</summary>
    public IntentModel WithTemperature(double temperature) => new(_ml, _model, temperature);

    public static IEstimator<ITransformer> Pipeline(MLContext ml, IntentModelOptions o)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = o.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = o.CharNgrams, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label", nameof(IntentModelInput.Intent))
            .Append(ml.Transforms.Text.FeaturizeText("Features", text, nameof(IntentModelInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                MaximumNumberOfIterations = o.Iterations,
                L2Regularization = o.L2,
            }));
    }

    private static IEnumerable<IntentModelInput> Inputs(IEnumerable<ChatExample> examples) =>
        examples.Select(e => new IntentModelInput { Text = IntentText.Prepare(e.Text), Intent = e.Intent });

    /// <summary>Every intent with its probability, most likely first.</summary>
    public IntentScore[] Predict(string text)
    {
        if (!_engines.TryTake(out var slot)) slot = new Slot(NewEngine(), new IntentModelInput());
        try
        {
            slot.Input.Text = IntentText.Prepare(text);
            slot.Engine.Predict(slot.Input, ref slot.Output);
            return Calibrate(slot.Output.Score);
        }
        finally
        {
            _engines.Add(slot);
        }
    }

    private IntentScore[] Calibrate(float[] raw)
    {
        Span<double> p = stackalloc double[raw.Length];
        var sum = 0.0;
        for (var i = 0; i < raw.Length; i++)
        {
            p[i] = Math.Pow(Math.Max(raw[i], 1e-12), 1.0 / Temperature);
            sum += p[i];
        }
        var scores = new IntentScore[raw.Length];
        for (var i = 0; i < raw.Length; i++) scores[i] = new IntentScore(_labels[i], p[i] / sum);
        Array.Sort(scores, (a, b) => b.Probability.CompareTo(a.Probability));
        return scores;
    }

    private PredictionEngine<IntentModelInput, IntentModelOutput> NewEngine() =>
        _ml.Model.CreatePredictionEngine<IntentModelInput, IntentModelOutput>(_model);

    public void Save(Stream target, DataViewSchema? schema = null) =>
        _ml.Model.Save(_model, schema ?? _ml.Data.LoadFromEnumerable(Array.Empty<IntentModelInput>()).Schema, target);

    public static IntentModel Load(Stream source, double temperature)
    {
        var ml = new MLContext(Seed);
        var model = ml.Model.Load(source, out _);
        return new IntentModel(ml, model, temperature);
    }
}
