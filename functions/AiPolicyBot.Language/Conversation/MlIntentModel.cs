using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The staff-message intent model as ML.NET trains it: text featurisation (word 1–2-grams and character 1–4-grams over
/// the prepared text, L2-normalised) and a maximum-entropy classifier (SDCA, one thread, fixed seed: the same data
/// gives the same model). Used at training time only: a chat turn scores with the tables exported from it
/// (<see cref="IntentModelExport"/>, <see cref="IntentScorer"/>), so the hosts never load ML.NET
/// (docs/conversation-quality.md). Prediction engines are not thread-safe: each call borrows one from a small pool.
/// </summary>
public sealed class MlIntentModel
{
    public const int Seed = 20261207;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;
    private sealed record Slot(PredictionEngine<IntentModelInput, IntentModelOutput> Engine, IntentModelInput Input)
    {
        public IntentModelOutput Output = new();
    }

    private readonly ConcurrentBag<Slot> _engines = [];

    private MlIntentModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        var engine = NewEngine();
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines.Add(new Slot(engine, new IntentModelInput()));
    }

    public IReadOnlyList<string> Labels => _labels;

    internal ITransformer Transformer => _model;

    internal DataViewSchema InputSchema => _ml.Data.LoadFromEnumerable(Array.Empty<IntentModelInput>()).Schema;

    /// <summary>Trains on the examples (deterministic for the same rows in the same order).</summary>
    public static MlIntentModel Train(IEnumerable<ChatExample> examples, IntentModelOptions? options = null)
    {
        var ml = new MLContext(Seed);
        var model = Pipeline(ml, options ?? IntentModelOptions.Default).Fit(ml.Data.LoadFromEnumerable(Inputs(examples)));
        return new MlIntentModel(ml, model);
    }

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

    /// <summary>ML.NET's probabilities for a message, in <see cref="Labels"/> order (before the temperature).</summary>
    public float[] Score(string text)
    {
        if (!_engines.TryTake(out var slot)) slot = new Slot(NewEngine(), new IntentModelInput());
        try
        {
            slot.Input.Text = IntentText.Prepare(text);
            slot.Engine.Predict(slot.Input, ref slot.Output);
            return (float[])slot.Output.Score.Clone();
        }
        finally
        {
            _engines.Add(slot);
        }
    }

    private PredictionEngine<IntentModelInput, IntentModelOutput> NewEngine() =>
        _ml.Model.CreatePredictionEngine<IntentModelInput, IntentModelOutput>(_model);

    public void Save(Stream target) => _ml.Model.Save(_model, InputSchema, target);

    public static MlIntentModel Load(Stream source)
    {
        var ml = new MLContext(Seed);
        var model = ml.Model.Load(source, out _);
        return new MlIntentModel(ml, model);
    }
}
