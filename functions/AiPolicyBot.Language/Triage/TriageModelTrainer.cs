using System.Globalization;
using AiPolicyBot.Triage;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// Trains the triage model (docs/spec/triage.md "Model"), deterministically: fixed seed, one thread, rows in file
/// order. Cross-validation on the training rows gives out-of-fold probabilities, from which the calibration
/// temperature and the decision thresholds are chosen by running the real decision
/// (<see cref="TriageClassifier.Decide"/>) on them; then the final model is fitted on all training rows. Folds keep
/// every wrapper of one core message on one side, or (given <c>foldOf</c>) follow the authors, so the thresholds are
/// set on predictions for mail the fold never saw in any form.
/// </summary>
public sealed class TriageModelTrainer(TriageOptions options, IEnumerable<string> knownToolNames, TriageModelSettings? settings = null)
{
    private readonly TriageModelSettings _settings = settings ?? TriageModelSettings.Default;
    private readonly IReadOnlyList<string> _toolNames = knownToolNames.ToList();

    public const int Seed = 20261207;
    public const int Folds = 4;

    private ToolGazetteer Gazetteer => new(_toolNames);

    /// <summary>The goals thresholds are chosen for (docs/spec/triage.md targets, applied to cross-validated predictions).</summary>
    public const double BreachRecallGoal = 0.98;
    public const double BreachPrecisionGoal = 0.85;
    public const double NeedsHumanGoal = 0.10;

    /// <summary>Share of breaches the DPO must be alerted to (breach or possible breach), and of other mail alerted at most.</summary>
    public const double AlertRecallGoal = 0.99;
    public const double FalseAlarmGoal = 0.02;

    /// <summary>A breach rule decides alone only if this share of the training mail it fires on (sender's text, outside bulk mail) is breach.</summary>
    public const double ConfidentRulePrecision = 0.9;
    private const int ConfidentRuleMinimumHits = 8;

    /// <param name="NaiveBayes">The blended naive Bayes layer's tables (null when the settings blend none), saved with the model.</param>
    /// <param name="Passages">The breach passage model's tables (null when the settings have none), saved with the model.</param>
    /// <param name="Logistic">The logistic passage model (null unless the settings score passages with it), saved with the model.</param>
    public sealed record Trained(
        MlTriageModel Model, ITransformer Transformer, MLContext Context, TriageModelFile File, NaiveBayesModel.Tables? NaiveBayes,
        NaiveBayesModel.Tables? Passages, LogisticBreachPassages? Logistic = null);

    /// <param name="foldOf">The cross-validation fold of each row (default: <see cref="Folds"/> folds by core message).</param>
    public Trained Train(IReadOnlyList<LabelledMail> rows, Action<string>? log = null, bool crossValidate = true, Func<int, int>? foldOf = null)
    {
        log ??= _ => { };
        var gazetteer = Gazetteer;
        var evidence = rows.Select(r => TriageEvidence.Read(r.Mail, options, gazetteer)).ToList();
        var modelRows = rows.Select((r, i) => TriageModelRow.From(evidence[i], r.Expected)).ToList();
        if (_settings.WeighByGroup)
        {
            var sizes = rows.GroupBy(TriageTrainingSet.Group).ToDictionary(g => g.Key, g => g.Count());
            for (var i = 0; i < rows.Count; i++) modelRows[i].Weight = 1f / sizes[TriageTrainingSet.Group(rows[i])];
        }
        foldOf ??= i => (int)(TriageTrainingSet.Bucket(TriageTrainingSet.Group(rows[i])) % Folds);
        var folds = Enumerable.Range(0, rows.Count).Select(foldOf).Distinct().Order().ToList();
        var ml = new MLContext(seed: Seed);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var confidentRules = ConfidentRules(evidence, rows, log);
        double temperature = 1;
        var thresholds = TriageThresholds.Uniform(0.4, 0.25, 0.5) with { ConfidentBreachRules = confidentRules };
        var figures = new Dictionary<string, double>();
        if (crossValidate)
        {
            var oof = new double[rows.Count][];
            var oofPassage = new double[rows.Count];
            var oofUpper = new double[rows.Count];
            foreach (var f in folds)
            {
                var trainIdx = Enumerable.Range(0, rows.Count).Where(i => foldOf(i) != f).ToList();
                var testIdx = Enumerable.Range(0, rows.Count).Where(i => foldOf(i) == f).ToList();
                var fold = Fit(ml, trainIdx.Select(i => modelRows[i]).ToList());
                var foldEvidence = trainIdx.Select(i => evidence[i]).ToList();
                var foldLabels = trainIdx.Select(i => rows[i].Expected).ToList();
                var foldModel = new MlTriageModel(ml, fold, Placeholder(1), NaiveBayes(foldEvidence, foldLabels), Passages(foldEvidence, foldLabels),
                    Logistic(foldEvidence, foldLabels));
                foreach (var i in testIdx)
                {
                    oof[i] = foldModel.Raw(evidence[i], modelRows[i]);
                    oofPassage[i] = foldModel.BreachPassage(evidence[i]);
                    oofUpper[i] = foldModel.BreachPassageUpper(evidence[i]);
                }
                log($"fold {f + 1}/{folds.Count} done ({watch.Elapsed.TotalSeconds:0} s)");
            }
            temperature = FitTemperature(oof, rows.Select(r => r.Expected).ToList());
            var calibrated = oof.Select(p => MlTriageModel.Calibrate(p, temperature)).ToList();
            (thresholds, figures) = ChooseThresholds(evidence, calibrated, oofPassage, oofUpper, rows.Select(r => r.Expected).ToList(),
                Enumerable.Range(0, rows.Count).Select(foldOf).ToList(), confidentRules, log);
            log($"temperature {temperature.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        var transformer = Fit(ml, modelRows);
        var fingerprint = TriageTrainingSet.Fingerprint(rows);
        var file = new TriageModelFile(
            "sdca-" + fingerprint[..8], fingerprint, rows.Count, temperature,
            TriageCategories.Classes.ToDictionary(c => c.WireName(), thresholds.AcceptFor),
            thresholds.PossibleBreachWithCue, thresholds.PossibleBreach, confidentRules.Order(StringComparer.Ordinal).ToArray(), figures,
            _settings, TriageFeatureCode.Fingerprint(), PassageBreach: thresholds.PassageBreach, PassagePossible: thresholds.PassagePossible,
            PassageBreachFloor: thresholds.PassageBreachFloor);
        var labels = rows.Select(r => r.Expected).ToList();
        var tables = NaiveBayesTables(evidence, labels);
        var naiveBayes = tables is null ? null : NaiveBayesTriageModel.FromTables(tables, options);
        var passageTables = PassageTables(evidence, labels);
        var passages = passageTables is null ? null : BreachPassageModel.FromTables(passageTables, _settings.PassageWindow);
        var logistic = Logistic(evidence, labels);
        return new Trained(new MlTriageModel(ml, transformer, file, naiveBayes, passages, logistic), transformer, ml, file, tables, passageTables, logistic);
    }

    /// <summary>The naive Bayes layer blended into the model, trained on the same rows (null when the settings blend none).</summary>
    private NaiveBayesTriageModel? NaiveBayes(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        NaiveBayesTables(evidence, labels) is { } tables ? NaiveBayesTriageModel.FromTables(tables, options) : null;

    private NaiveBayesModel.Tables? NaiveBayesTables(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        _settings.NaiveBayesWeight > 0 ? NaiveBayesTriageModel.Count(evidence, labels) : null;

    /// <summary>The breach passage model trained on the same rows (null when the settings have none).</summary>
    private BreachPassageModel? Passages(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        PassageTables(evidence, labels) is { } tables ? BreachPassageModel.FromTables(tables, _settings.PassageWindow) : null;

    /// <summary>The logistic passage model trained on the same rows (null unless the settings score passages with it).</summary>
    private LogisticBreachPassages? Logistic(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        _settings.PassageWindow > 0 && _settings.PassageKind != BreachPassageKind.NaiveBayes
            ? LogisticBreachPassages.Train(evidence, labels, _settings.PassageWindow, _settings.PassageNeighbours, _settings.PassageL2)
            : null;

    private NaiveBayesModel.Tables? PassageTables(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        _settings.PassageWindow > 0 ? BreachPassageModel.Count(evidence, labels, _settings.PassageWindow) : null;

    /// <summary>
    /// Writes the ML.NET model, its JSON side file and the tables of the naive Bayes layer and of the breach passage
    /// model (each when the settings have it; a path with nothing to write is deleted).
    /// </summary>
    public static void Save(Trained trained, string zipPath, string jsonPath, string naiveBayesPath, string passagesPath, string? logisticPath = null)
    {
        if (logisticPath is not null)
        {
            if (trained.Logistic is null) File.Delete(logisticPath);
            else
            {
                using var stream = File.Create(logisticPath);
                trained.Logistic.Save(stream);
            }
        }
        var schema = trained.Context.Data.LoadFromEnumerable(Array.Empty<TriageModelRow>()).Schema;
        trained.Context.Model.Save(trained.Transformer, schema, zipPath);
        File.WriteAllText(jsonPath, System.Text.Json.JsonSerializer.Serialize(trained.File, TriageModelFile.Json) + "\n");
        Write(trained.NaiveBayes, naiveBayesPath);
        Write(trained.Passages, passagesPath);
    }

    private static void Write(NaiveBayesModel.Tables? tables, string path)
    {
        if (tables is null)
        {
            File.Delete(path);
            return;
        }
        using var stream = File.Create(path);
        NaiveBayesModel.Write(tables, stream);
    }

    private TriageModelFile Placeholder(double temperature) =>
        new("fold", "", 0, temperature, [], 1, 1, [], [], _settings);

    /// <summary>The breach rules whose confident hits on the training mail are at least <see cref="ConfidentRulePrecision"/> breach.</summary>
    private static HashSet<string> ConfidentRules(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<LabelledMail> rows, Action<string> log)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in PriorityRules.All.Where(r => r.Category == TriageCategory.Breach && r.Decisive))
        {
            var hits = Enumerable.Range(0, rows.Count)
                .Where(i => evidence[i].Breach.Level == BreachLevel.Confident && evidence[i].Breach.OwnRuleIds.Contains(rule.Id)).ToList();
            var precision = hits.Count == 0 ? 0 : hits.Count(i => rows[i].Expected == TriageCategory.Breach) / (double)hits.Count;
            var confident = hits.Count >= ConfidentRuleMinimumHits && precision >= ConfidentRulePrecision;
            if (confident) result.Add(rule.Id);
            log($"rule {rule.Id}: {hits.Count} hits, precision {precision:0.00}{(confident ? ", decides alone" : "")}");
        }
        return result;
    }

    private ITransformer Fit(MLContext ml, IReadOnlyList<TriageModelRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var s = _settings;
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(TriageModelRow.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(Text(ml, nameof(TriageModelRow.Subject), "SubjectFeatures", words: s.WordNgrams, chars: s.MainChars > 0 ? s.MainChars - 1 : 0))
            .Append(Text(ml, nameof(TriageModelRow.Main), "MainFeatures", words: s.WordNgrams, chars: s.MainChars))
            .Append(Text(ml, nameof(TriageModelRow.Context), "ContextFeatures", words: 1, chars: 0))
            .Append(ml.Transforms.Concatenate("Features", "SubjectFeatures", "MainFeatures", "ContextFeatures", nameof(TriageModelRow.Numeric)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(TriageModelRow.Weight),
                NumberOfThreads = 1, // deterministic
                MaximumNumberOfIterations = 40,
                L2Regularization = s.L2,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return pipeline.Fit(data);
    }

    private static TextFeaturizingEstimator Text(MLContext ml, string input, string output, int words, int chars) =>
        ml.Transforms.Text.FeaturizeText(output, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = words, UseAllLengths = true },
            CharFeatureExtractor = chars > 0 ? new WordBagEstimator.Options { NgramLength = chars, UseAllLengths = false } : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, input);

    /// <summary>The temperature with the lowest log-loss of the out-of-fold probabilities.</summary>
    private static double FitTemperature(double[][] oof, IReadOnlyList<TriageCategory> labels)
    {
        var best = (T: 1.0, Loss: double.MaxValue);
        for (var t = 0.3; t <= 3.0001; t += 0.05)
        {
            var loss = 0.0;
            for (var i = 0; i < oof.Length; i++) loss -= Math.Log(Math.Max(MlTriageModel.Calibrate(oof[i], t)[labels[i]], 1e-12));
            if (loss < best.Loss) best = (Math.Round(t, 2), loss);
        }
        return best.T;
    }

    /// <summary>
    /// Coordinate search over the thresholds, scoring each candidate by running the real decision (with the tiers, as
    /// the model runs) on the out-of-fold probabilities: macro-F1 (needsHuman counts as a miss), with penalties below
    /// the breach recall and precision goals, the marketing precision goal and the DPO alert goal, and above the
    /// needsHuman and false-alarm goals. The objective is the mean over the folds (the authors, for the committed model),
    /// so that each voice counts the same however much mail it wrote: pooled, the author with the most mail would choose.
    /// </summary>
    private (TriageThresholds, Dictionary<string, double>) ChooseThresholds(
        IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<IReadOnlyDictionary<TriageCategory, double>> scores,
        IReadOnlyList<double> passageScores, IReadOnlyList<double> upperScores, IReadOnlyList<TriageCategory> labels, IReadOnlyList<int> folds,
        IReadOnlySet<string> confidentRules, Action<string> log)
    {
        var accept = TriageCategories.Classes.ToDictionary(c => c, _ => 0.4);
        double withCue = 0.25, without = 0.5, passageBreach = TriageThresholds.Off, passagePossible = TriageThresholds.Off, passageFloor = 0;
        // Chosen for the decision as the model runs it: with the tiers (TriageModelFile.Thresholds).
        TriageThresholds Current() =>
            new TriageThresholds(new Dictionary<TriageCategory, double>(accept), withCue, without, confidentRules,
                PassageBreach: passageBreach, PassagePossible: passagePossible, PassageBreachFloor: passageFloor).Tiered();
        (Score Pooled, double Objective) Run() => Evaluate(evidence, scores, passageScores, upperScores, labels, folds, Current());
        var grid = Enumerable.Range(0, 15).Select(i => Math.Round(0.05 + i * 0.05, 2)).ToArray(); // 0.05 … 0.75
        // A passage's breach probability is sharp (naive Bayes over a few words): the grid is finest near 1.
        double[] passageGrid = [0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.998, 0.999, TriageThresholds.Off];
        double[] floorGrid = _settings.WideFloor ? [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5] : [0, 0.01, 0.02, 0.05, 0.1, 0.2];
        var current = Run();
        void Sweep(Func<double> get, Action<double> set, IEnumerable<double> values)
        {
            foreach (var v in values)
            {
                var old = get();
                set(v);
                var candidate = Run();
                if (candidate.Objective > current.Objective + 1e-9) current = candidate;
                else set(old);
            }
        }
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var c in TriageCategories.Classes) Sweep(() => accept[c], v => accept[c] = v, grid);
            Sweep(() => withCue, v => withCue = v, grid);
            Sweep(() => without, v => without = v, grid.Append(TriageThresholds.Off));
            if (_settings.PassageWindow > 0)
            {
                Sweep(() => passagePossible, v => passagePossible = v, passageGrid);
                Sweep(() => passageBreach, v => passageBreach = v, passageGrid);
                Sweep(() => passageFloor, v => passageFloor = v, floorGrid);
            }
            var p = current.Pooled;
            log($"pass {pass + 1}: objective {current.Objective:0.000} (mean over {folds.Distinct().Count()} folds); pooled: macro-F1 {p.MacroF1:0.000}, " +
                $"breach recall {p.BreachRecall:0.000}, breach precision {p.BreachPrecision:0.000}, marketing precision {p.MarketingPrecision:0.000}, " +
                $"needsHuman {p.NeedsHuman:P1}, DPO alerted for {p.AlertRecall:P1} of breaches and {p.FalseAlarms:P1} of other mail");
        }
        var pooled = current.Pooled;
        var figures = new Dictionary<string, double>
        {
            ["macroF1"] = Math.Round(pooled.MacroF1, 4),
            ["breachRecall"] = Math.Round(pooled.BreachRecall, 4),
            ["breachPrecision"] = Math.Round(pooled.BreachPrecision, 4),
            ["marketingPrecision"] = Math.Round(pooled.MarketingPrecision, 4),
            ["needsHuman"] = Math.Round(pooled.NeedsHuman, 4),
            ["alertRecall"] = Math.Round(pooled.AlertRecall, 4),
            ["falseAlarms"] = Math.Round(pooled.FalseAlarms, 4),
        };
        return (Current(), figures);
    }

    /// <param name="AlertRecall">Share of breaches the DPO is alerted to (category breach or a possible breach).</param>
    /// <param name="FalseAlarms">Share of the other mail the DPO is alerted to.</param>
    private sealed record Score(double MacroF1, double BreachRecall, double BreachPrecision, double MarketingPrecision, double NeedsHuman,
        double AlertRecall, double FalseAlarms)
    {
        /// <param name="alertWeight">How much a breach the DPO is not alerted to weighs (<see cref="TriageModelSettings.AlertRecallWeight"/>).</param>
        public double Objective(double alertWeight) => MacroF1
                                   - 20 * Math.Max(0, BreachRecallGoal - BreachRecall)
                                   - 20 * Math.Max(0, BreachPrecisionGoal - BreachPrecision)
                                   - 2 * Math.Max(0, 0.95 - MarketingPrecision)
                                   - 2 * Math.Max(0, NeedsHuman - NeedsHumanGoal)
                                   - alertWeight * Math.Max(0, AlertRecallGoal - AlertRecall)
                                   - 5 * Math.Max(0, FalseAlarms - FalseAlarmGoal);
    }

    /// <summary>The decision on every row; its figures pooled, and the mean of each fold's objective.</summary>
    private (Score Pooled, double Objective) Evaluate(
        IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<IReadOnlyDictionary<TriageCategory, double>> scores,
        IReadOnlyList<double> passageScores, IReadOnlyList<double> upperScores, IReadOnlyList<TriageCategory> labels, IReadOnlyList<int> folds,
        TriageThresholds thresholds)
    {
        var predicted = new TriageCategory[labels.Count];
        var alerted = new bool[labels.Count];
        var gazetteer = Gazetteer;
        for (var i = 0; i < labels.Count; i++)
        {
            var classifier = new TriageClassifier(options, gazetteer, new FixedScores(scores[i], passageScores[i], upperScores[i], thresholds));
            var result = classifier.Decide(evidence[i]);
            predicted[i] = result.Category;
            alerted[i] = TriageClassifier.AlertsDpo(result.Category, result.Signals);
        }
        var all = Enumerable.Range(0, labels.Count).ToList();
        var perFold = all.GroupBy(i => folds[i]).Select(g => Figures(g.ToList(), labels, predicted, alerted).Objective(_settings.AlertRecallWeight)).ToList();
        return (Figures(all, labels, predicted, alerted), perFold.Average());
    }

    private static Score Figures(IReadOnlyList<int> rows, IReadOnlyList<TriageCategory> labels, TriageCategory[] predicted, bool[] alerted)
    {
        var breaches = rows.Where(i => labels[i] == TriageCategory.Breach).ToList();
        var others = rows.Where(i => labels[i] != TriageCategory.Breach).ToList();
        var f1 = new List<double>();
        double breachRecall = 0, breachPrecision = 0, marketingPrecision = 0;
        foreach (var c in TriageCategories.Classes)
        {
            var tp = 0; var fp = 0; var fn = 0;
            foreach (var i in rows)
            {
                if (predicted[i] == c && labels[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (labels[i] == c) fn++;
            }
            var p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            if (tp + fn > 0) f1.Add(p + r == 0 ? 0 : 2 * p * r / (p + r));
            if (c == TriageCategory.Breach) (breachRecall, breachPrecision) = (r, p);
            if (c == TriageCategory.Marketing) marketingPrecision = p;
        }
        return new Score(f1.Average(), breachRecall, breachPrecision, marketingPrecision,
            rows.Count(i => predicted[i] == TriageCategory.NeedsHuman) / (double)rows.Count,
            breaches.Count == 0 ? 1 : breaches.Count(i => alerted[i]) / (double)breaches.Count,
            others.Count == 0 ? 0 : others.Count(i => alerted[i]) / (double)others.Count);
    }

    /// <summary>A model that returns given scores: the real decision run on cross-validated probabilities.</summary>
    private sealed class FixedScores(IReadOnlyDictionary<TriageCategory, double> scores, double passage, double upper, TriageThresholds thresholds)
        : ITriageModel
    {
        public string Version => "cross-validation";
        public TriageThresholds Thresholds => thresholds;
        public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence) => scores;
        public double BreachPassage(TriageEvidence evidence) => passage;
        public double BreachPassageUpper(TriageEvidence evidence) => upper;
    }
}
