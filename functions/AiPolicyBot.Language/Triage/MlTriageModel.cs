using System.Runtime.CompilerServices;
using System.Text.Json;
using AiPolicyBot.Triage;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// The trained ML.NET triage model (docs/spec/triage.md "Model"): word n-grams over the weighted parts of the mail plus
/// numeric evidence into a maximum-entropy classifier, blended with naive Bayes (its tables stored with the model),
/// probabilities calibrated by a temperature fitted on cross-validated predictions, and per-class thresholds; beside it
/// the breach detector's own passage model (<see cref="BreachPassageModel"/>, its tables stored with the model too).
/// Thread-safe (one prediction engine, used under a lock: a prediction takes well under a millisecond).
/// </summary>
public sealed class MlTriageModel : ITriageModel
{
    private readonly PredictionEngine<TriageModelRow, TriageModelOutput> _engine;
    private readonly TriageCategory[] _slots;
    private readonly double _temperature;
    private readonly Lock _gate = new();
    private readonly NaiveBayesTriageModel? _naiveBayes;
    private readonly double _naiveBayesWeight;
    private readonly BreachPassageModel? _passages;
    private readonly LogisticBreachPassages? _logistic;
    private readonly BreachPassageKind _passageKind;
    // The classifier asks for both tiers' scores of one mail: each is computed once per evidence.
    private readonly ConditionalWeakTable<TriageEvidence, StrongBox<double>> _naiveBayesScores = new();
    private readonly ConditionalWeakTable<TriageEvidence, StrongBox<double>> _chosenScores = new();

    /// <param name="naiveBayes">The naive Bayes layer blended in at <see cref="TriageModelSettings.NaiveBayesWeight"/>, if any.</param>
    /// <param name="passages">The breach passage model (<see cref="TriageModelSettings.PassageWindow"/>), if any.</param>
    /// <param name="logistic">The logistic passage model (<see cref="TriageModelSettings.PassageKind"/>), if any.</param>
    public MlTriageModel(
        MLContext ml, ITransformer model, TriageModelFile file, NaiveBayesTriageModel? naiveBayes = null, BreachPassageModel? passages = null,
        LogisticBreachPassages? logistic = null)
    {
        _naiveBayes = naiveBayes;
        _passages = passages;
        _logistic = logistic;
        _passageKind = file.Settings?.PassageKind ?? BreachPassageKind.NaiveBayes;
        _naiveBayesWeight = naiveBayes is null ? 0 : file.Settings?.NaiveBayesWeight ?? 0;
        _engine = ml.Model.CreatePredictionEngine<TriageModelRow, TriageModelOutput>(model);
        _slots = SlotClasses(_engine.OutputSchema);
        _temperature = file.Temperature;
        Version = file.Version;
        Thresholds = file.Thresholds();
        File = file;
    }

    public string Version { get; }

    public TriageThresholds Thresholds { get; }

    public TriageModelFile File { get; }

    public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence) => Calibrate(Raw(evidence, TriageModelRow.From(evidence)));

    public double BreachPassage(TriageEvidence evidence) =>
        _passageKind is BreachPassageKind.UpperLogistic or BreachPassageKind.UpperBoth ? NaiveBayesStrongest(evidence) : Chosen(evidence);

    public double BreachPassageUpper(TriageEvidence evidence) => Chosen(evidence);

    private double NaiveBayesStrongest(TriageEvidence evidence) =>
        _passages is null ? 0 : _naiveBayesScores.GetValue(evidence, e => new StrongBox<double>(_passages.Strongest(e))).Value;

    private double Chosen(TriageEvidence evidence) =>
        _logistic is null || _passageKind == BreachPassageKind.NaiveBayes
            ? NaiveBayesStrongest(evidence)
            : _chosenScores.GetValue(evidence, e => new StrongBox<double>(Passage(e))).Value;

    private double Passage(TriageEvidence evidence)
    {
        if (_logistic is null) return NaiveBayesStrongest(evidence);
        var sentences = evidence.OwnSentences;
        var logistic = _logistic.Scores(sentences);
        if (_passageKind is BreachPassageKind.Logistic or BreachPassageKind.UpperLogistic || _passages is null) return logistic.DefaultIfEmpty(0).Max();
        var best = 0.0;
        var i = 0;
        foreach (var passage in BreachPassages.Windows(sentences, _passages.Window))
            best = Math.Max(best, Math.Sqrt(_passages.Score(passage) * logistic[i++]));
        return best;
    }

    /// <summary>Uncalibrated class probabilities, by class: the maximum-entropy model's, blended with naive Bayes.</summary>
    internal double[] Raw(TriageEvidence evidence, TriageModelRow row)
    {
        var p = Raw(row);
        if (_naiveBayes is null || _naiveBayesWeight <= 0) return p;
        var nb = _naiveBayes.Predict(evidence);
        for (var c = 0; c < p.Length; c++) p[c] = (1 - _naiveBayesWeight) * p[c] + _naiveBayesWeight * nb[TriageCategories.Classes[c]];
        return p;
    }

    /// <summary>The maximum-entropy model's uncalibrated class probabilities, by class.</summary>
    private double[] Raw(TriageModelRow row)
    {
        float[] score;
        lock (_gate) score = _engine.Predict(row).Score;
        var p = new double[TriageCategories.Classes.Count];
        for (var s = 0; s < _slots.Length; s++) p[(int)_slots[s]] = score[s]; // TriageCategory values are the class order
        return p;
    }

    internal IReadOnlyDictionary<TriageCategory, double> Calibrate(double[] raw) => Calibrate(raw, _temperature);

    /// <summary>softmax(log p / T): T &gt; 1 softens over-confident scores, T &lt; 1 sharpens.</summary>
    public static IReadOnlyDictionary<TriageCategory, double> Calibrate(double[] raw, double temperature)
    {
        var logits = raw.Select(p => Math.Log(Math.Max(p, 1e-12)) / temperature).ToArray();
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return TriageCategories.Classes.Select((c, i) => (c, p: exp[i] / sum)).ToDictionary(x => x.c, x => x.p);
    }

    /// <summary>
    /// The model in streams written by <see cref="TriageModelTrainer.Save"/>: the ML.NET model, its JSON side file, the
    /// naive Bayes tables and the breach passage model's tables.
    /// </summary>
    /// <remarks>Both naive Bayes models are read from their stored tables: no training mail is read and nothing is refitted.</remarks>
    public static MlTriageModel Load(Stream modelZip, Stream modelJson, Stream? naiveBayesTables, Stream? passageTables = null, Stream? logisticPassages = null)
    {
        var ml = new MLContext(seed: TriageModelTrainer.Seed);
        var model = ml.Model.Load(modelZip, out _);
        var file = JsonSerializer.Deserialize<TriageModelFile>(modelJson, TriageModelFile.Json)
                   ?? throw new InvalidDataException("Empty triage model file.");
        NaiveBayesTriageModel? nb = null;
        if (file.Settings is { NaiveBayesWeight: > 0 })
        {
            if (naiveBayesTables is null) throw new InvalidDataException("The triage model blends naive Bayes but its tables are missing: run tools/triage-training.");
            nb = NaiveBayesTriageModel.FromTables(NaiveBayesModel.Read(naiveBayesTables), new TriageOptions());
        }
        BreachPassageModel? passages = null;
        if (file.Settings is { PassageWindow: > 0 } settings)
        {
            if (passageTables is null) throw new InvalidDataException("The triage model has a breach passage model but its tables are missing: run tools/triage-training.");
            passages = BreachPassageModel.FromTables(NaiveBayesModel.Read(passageTables), settings.PassageWindow);
        }
        LogisticBreachPassages? logistic = null;
        if (file.Settings is { PassageWindow: > 0 } s && s.PassageKind != BreachPassageKind.NaiveBayes)
        {
            if (logisticPassages is null) throw new InvalidDataException("The triage model has a logistic passage model but it is missing: run tools/triage-training.");
            logistic = LogisticBreachPassages.Load(logisticPassages, s.PassageWindow, s.PassageNeighbours);
        }
        return new MlTriageModel(ml, model, file, nb, passages, logistic);
    }

    /// <summary>The committed model embedded in this assembly (Triage/Model), built by tools/triage-training.</summary>
    public static MlTriageModel LoadEmbedded()
    {
        var assembly = LanguageAssembly.Instance;
        using var zip = assembly.GetManifestResourceStream(ResourceName("triage-model.zip"))
                        ?? throw new InvalidOperationException("The triage model is not embedded: run tools/triage-training.");
        using var json = assembly.GetManifestResourceStream(ResourceName("triage-model.json"))!;
        using var naiveBayes = assembly.GetManifestResourceStream(ResourceName("triage-model-nb.bin"));
        using var passages = assembly.GetManifestResourceStream(ResourceName("triage-model-passages.bin"));
        using var logistic = assembly.GetManifestResourceStream(ResourceName("triage-model-passages-lr.zip"));
        return Load(zip, json, naiveBayes, passages, logistic);
    }

    private static string ResourceName(string file) =>
        LanguageAssembly.Instance.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Triage.Model." + file, StringComparison.Ordinal)) ?? file;

    private static TriageCategory[] SlotClasses(DataViewSchema schema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => TriageCategories.TryParse(n.ToString(), out var c) ? c
            : throw new InvalidDataException($"Unknown class '{n}' in the triage model.")).ToArray();
    }
}
