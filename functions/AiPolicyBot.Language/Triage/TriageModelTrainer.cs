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
    public const double NeedsHumanGoal = 0.10;

    /// <summary>Share of breaches the DPO must be alerted to (breach or possible breach), and of other mail alerted at most.</summary>
    public const double AlertRecallGoal = 0.99;
    public const double FalseAlarmGoal = 0.02;

    /// <summary>A breach rule decides alone only if this share of the training mail it fires on (sender's text, outside bulk mail) is breach.</summary>
    public const double ConfidentRulePrecision = 0.9;
    private const int ConfidentRuleMinimumHits = 8;

    /// <param name="NaiveBayes">The blended naive Bayes layer's tables (null when the settings blend none), saved with the model.</param>
    public sealed record Trained(MlTriageModel Model, ITransformer Transformer, MLContext Context, TriageModelFile File, NaiveBayesModel.Tables? NaiveBayes);

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
            foreach (var f in folds)
            {
                var trainIdx = Enumerable.Range(0, rows.Count).Where(i => foldOf(i) != f).ToList();
                var testIdx = Enumerable.Range(0, rows.Count).Where(i => foldOf(i) == f).ToList();
                var fold = Fit(ml, trainIdx.Select(i => modelRows[i]).ToList());
                var foldNb = NaiveBayes(trainIdx.Select(i => evidence[i]).ToList(), trainIdx.Select(i => rows[i].Expected).ToList());
                var foldModel = new MlTriageModel(ml, fold, Placeholder(1), foldNb);
                foreach (var i in testIdx) oof[i] = foldModel.Raw(evidence[i], modelRows[i]);
                log($"fold {f + 1}/{folds.Count} done ({watch.Elapsed.TotalSeconds:0} s)");
            }
            temperature = FitTemperature(oof, rows.Select(r => r.Expected).ToList());
            var calibrated = oof.Select(p => MlTriageModel.Calibrate(p, temperature)).ToList();
            (thresholds, figures) = ChooseThresholds(evidence, calibrated, rows.Select(r => r.Expected).ToList(), confidentRules, log);
            log($"temperature {temperature.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        var transformer = Fit(ml, modelRows);
        var fingerprint = TriageTrainingSet.Fingerprint(rows);
        var file = new TriageModelFile(
            "sdca-" + fingerprint[..8], fingerprint, rows.Count, temperature,
            TriageCategories.Classes.ToDictionary(c => c.WireName(), thresholds.AcceptFor),
            thresholds.PossibleBreachWithCue, thresholds.PossibleBreach, confidentRules.Order(StringComparer.Ordinal).ToArray(), figures,
            _settings, TriageFeatureCode.Fingerprint());
        var tables = NaiveBayesTables(evidence, rows.Select(r => r.Expected).ToList());
        var naiveBayes = tables is null ? null : NaiveBayesTriageModel.FromTables(tables, options);
        return new Trained(new MlTriageModel(ml, transformer, file, naiveBayes), transformer, ml, file, tables);
    }

    /// <summary>The naive Bayes layer blended into the model, trained on the same rows (null when the settings blend none).</summary>
    private NaiveBayesTriageModel? NaiveBayes(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        NaiveBayesTables(evidence, labels) is { } tables ? NaiveBayesTriageModel.FromTables(tables, options) : null;

    private NaiveBayesModel.Tables? NaiveBayesTables(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        _settings.NaiveBayesWeight > 0 ? NaiveBayesTriageModel.Count(evidence, labels) : null;

    /// <summary>Writes the ML.NET model, its JSON side file and (when it blends naive Bayes) the naive Bayes tables.</summary>
    public static void Save(Trained trained, string zipPath, string jsonPath, string naiveBayesPath)
    {
        var schema = trained.Context.Data.LoadFromEnumerable(Array.Empty<TriageModelRow>()).Schema;
        trained.Context.Model.Save(trained.Transformer, schema, zipPath);
        File.WriteAllText(jsonPath, System.Text.Json.JsonSerializer.Serialize(trained.File, TriageModelFile.Json) + "\n");
        if (trained.NaiveBayes is { } tables)
        {
            using var stream = File.Create(naiveBayesPath);
            NaiveBayesModel.Write(tables, stream);
        }
        else File.Delete(naiveBayesPath);
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
    /// Coordinate search over the thresholds, scoring each candidate by running the real decision on the
    /// out-of-fold probabilities: macro-F1 (needsHuman counts as a miss), with penalties below the breach-recall goal
    /// and above the needsHuman goal.
    /// </summary>
    private (TriageThresholds, Dictionary<string, double>) ChooseThresholds(
        IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<IReadOnlyDictionary<TriageCategory, double>> scores,
        IReadOnlyList<TriageCategory> labels, IReadOnlySet<string> confidentRules, Action<string> log)
    {
        var accept = TriageCategories.Classes.ToDictionary(c => c, _ => 0.4);
        double withCue = 0.25, without = 0.5;
        Score Run() => Evaluate(evidence, scores, labels, new TriageThresholds(new Dictionary<TriageCategory, double>(accept), withCue, without, confidentRules));
        var grid = Enumerable.Range(0, 15).Select(i => Math.Round(0.05 + i * 0.05, 2)).ToArray(); // 0.05 … 0.75
        var current = Run();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var c in TriageCategories.Classes)
            {
                foreach (var g in grid)
                {
                    var old = accept[c];
                    accept[c] = g;
                    var s = Run();
                    if (s.Objective > current.Objective + 1e-9) current = s;
                    else accept[c] = old;
                }
            }
            foreach (var g in grid)
            {
                var old = withCue;
                withCue = g;
                var s = Run();
                if (s.Objective > current.Objective + 1e-9) current = s; else withCue = old;
            }
            foreach (var g in grid.Append(1.01))
            {
                var old = without;
                without = g;
                var s = Run();
                if (s.Objective > current.Objective + 1e-9) current = s; else without = old;
            }
            log($"pass {pass + 1}: macro-F1 {current.MacroF1:0.000}, breach recall {current.BreachRecall:0.000}, " +
                $"breach precision {current.BreachPrecision:0.000}, marketing precision {current.MarketingPrecision:0.000}, needsHuman {current.NeedsHuman:P1}, " +
                $"DPO alerted for {current.AlertRecall:P1} of breaches and {current.FalseAlarms:P1} of other mail");
        }
        var figures = new Dictionary<string, double>
        {
            ["macroF1"] = Math.Round(current.MacroF1, 4),
            ["breachRecall"] = Math.Round(current.BreachRecall, 4),
            ["breachPrecision"] = Math.Round(current.BreachPrecision, 4),
            ["marketingPrecision"] = Math.Round(current.MarketingPrecision, 4),
            ["needsHuman"] = Math.Round(current.NeedsHuman, 4),
            ["alertRecall"] = Math.Round(current.AlertRecall, 4),
            ["falseAlarms"] = Math.Round(current.FalseAlarms, 4),
        };
        return (new TriageThresholds(accept, withCue, without, confidentRules), figures);
    }

    /// <param name="AlertRecall">Share of breaches the DPO is alerted to (category breach or a possible breach).</param>
    /// <param name="FalseAlarms">Share of the other mail the DPO is alerted to.</param>
    private sealed record Score(double MacroF1, double BreachRecall, double BreachPrecision, double MarketingPrecision, double NeedsHuman,
        double AlertRecall, double FalseAlarms)
    {
        public double Objective => MacroF1
                                   - 20 * Math.Max(0, BreachRecallGoal - BreachRecall)
                                   - 2 * Math.Max(0, 0.85 - BreachPrecision)
                                   - 2 * Math.Max(0, 0.95 - MarketingPrecision)
                                   - 2 * Math.Max(0, NeedsHuman - NeedsHumanGoal)
                                   - 10 * Math.Max(0, AlertRecallGoal - AlertRecall)
                                   - 5 * Math.Max(0, FalseAlarms - FalseAlarmGoal);
    }

    private Score Evaluate(
        IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<IReadOnlyDictionary<TriageCategory, double>> scores,
        IReadOnlyList<TriageCategory> labels, TriageThresholds thresholds)
    {
        var predicted = new TriageCategory[labels.Count];
        var alerted = new bool[labels.Count];
        var gazetteer = Gazetteer;
        for (var i = 0; i < labels.Count; i++)
        {
            var classifier = new TriageClassifier(options, gazetteer, new FixedScores(scores[i], thresholds));
            var result = classifier.Decide(evidence[i]);
            predicted[i] = result.Category;
            alerted[i] = TriageClassifier.AlertsDpo(result.Category, result.Signals);
        }
        var breaches = Enumerable.Range(0, labels.Count).Where(i => labels[i] == TriageCategory.Breach).ToList();
        var others = Enumerable.Range(0, labels.Count).Where(i => labels[i] != TriageCategory.Breach).ToList();
        var f1 = new List<double>();
        double breachRecall = 0, breachPrecision = 0, marketingPrecision = 0;
        foreach (var c in TriageCategories.Classes)
        {
            var tp = 0; var fp = 0; var fn = 0;
            for (var i = 0; i < labels.Count; i++)
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
            predicted.Count(p => p == TriageCategory.NeedsHuman) / (double)labels.Count,
            breaches.Count == 0 ? 1 : breaches.Count(i => alerted[i]) / (double)breaches.Count,
            others.Count == 0 ? 0 : others.Count(i => alerted[i]) / (double)others.Count);
    }

    /// <summary>A model that returns given scores: the real decision run on cross-validated probabilities.</summary>
    private sealed class FixedScores(IReadOnlyDictionary<TriageCategory, double> scores, TriageThresholds thresholds) : ITriageModel
    {
        public string Version => "cross-validation";
        public TriageThresholds Thresholds => thresholds;
        public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence) => scores;
    }
}
