using System.Diagnostics;
using System.Globalization;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

// The triage model's training and retraining step (docs/triage-quality.md "Retraining"). Run from the repository root.
//
// dotnet run --project tools/triage-training -c Release -- --cross-author [--variant NAME] [--misses] [--tiers] [--authors A,B,...]
//                                                               [--verbose] [--dump FILE.tsv] [--jobs N] [--candidates]
//   The development measure, writes nothing: leave one author out. For each author, trains on the other authors
//   (thresholds set on their own cross-author predictions) and scores the author left out and the dev set.
//   --tiers also prints each author's figures under the breach override's settings compared (TierSweep).
//   --variant picks one of TriageModelSettings.Variants; --authors limits which authors are left out in turn.
//   --verbose prints each training's log (rules, folds, the threshold search); --dump writes every scored mail's
//   category and signals (author left out and dev), one per line, for reading the decisions mail by mail.
//   --jobs N runs N trainings at once (each is single-threaded and deterministic: the same figures, sooner).
//   --candidates adds the committed candidate authors (TriageTrainingSet.CandidateAuthors: G, H, S) to the authors.
//
// dotnet run --project tools/triage-training -c Release [-- --eval FILE.jsonl ...] [--out DIR] [--jobs N]
//   Retrains: the cross-author measure above, then the model on everything in Triage/TrainingData (every author and
//   reviewed corrections), its thresholds set on cross-author predictions (each author's mail scored by a model
//   trained on the others). Refuses (exit 3, writes nothing) when the new model is worse than the committed one
//   (TriageModelGate) on the dev set, on any --eval set (e.g. blind sets passed by path) or on the cross-author figures
//   recorded with the committed model. Otherwise writes triage-model.zip, .json and -nb.bin (naive Bayes tables) into
//   functions/AiPolicyBot.Language/Triage/Model (or DIR) for review and commit.
var outDir = Path.Combine("functions", "AiPolicyBot.Language", "Triage", "Model");
var devFile = Path.Combine("tests", "fixtures", "triage-dev.jsonl");
var variant = "default";
var evalFiles = new List<string>();
string[]? leaveOut = null;
string? dumpFile = null;
var jobs = 1;
var verbose = args.Contains("--verbose");
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--out") outDir = args[i + 1];
    if (args[i] == "--variant") variant = args[i + 1];
    if (args[i] == "--eval") evalFiles.Add(args[i + 1]);
    if (args[i] == "--dump") dumpFile = args[i + 1];
    if (args[i] == "--jobs") jobs = Math.Max(1, int.Parse(args[i + 1], CultureInfo.InvariantCulture));
    if (args[i] == "--authors") leaveOut = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
if (!TriageModelSettings.Variants.TryGetValue(variant, out var settings))
{
    Console.Error.WriteLine($"Unknown variant '{variant}': {string.Join(", ", TriageModelSettings.Variants.Keys)}.");
    return 2;
}
foreach (var path in evalFiles.Append(devFile).Where(p => !File.Exists(p)))
{
    Console.Error.WriteLine($"No such file: {path} (run from the repository root).");
    return 2;
}
if (!Directory.Exists(outDir))
{
    Console.Error.WriteLine($"No such directory: {outDir} (run from the repository root, or pass --out DIR).");
    return 2;
}
var options = new TriageOptions();
var trainer = new TriageModelTrainer(options, DemoRegisterToolNames.All, settings);
// --candidates: the committed candidate authors join the others, for the measure only (the committed model must be
// trained on TriageTrainingSet.Authors(), which a test checks; adopting a candidate means moving it there).
IReadOnlyList<(string Name, IReadOnlyList<LabelledMail> Rows)> authors = args.Contains("--candidates") ? [.. TriageTrainingSet.Authors(), .. TriageTrainingSet.CandidateAuthors()] : TriageTrainingSet.Authors();
if (args.Contains("--candidates") && !args.Contains("--cross-author"))
{
    Console.Error.WriteLine("--candidates measures only: pass --cross-author, or list the candidates in TriageTrainingSet.Authors() to train on them.");
    return 2;
}
var dev = LabelledMail.ParseLines(File.ReadAllLines(devFile));
var watch = Stopwatch.StartNew();
string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

// Rows of several authors in order, with each row's author as its cross-validation fold.
static (List<LabelledMail> Rows, int[] Fold) Pool(IEnumerable<(string Name, IReadOnlyList<LabelledMail> Rows)> of)
{
    var rows = new List<LabelledMail>();
    var fold = new List<int>();
    foreach (var (author, index) in of.Select((a, i) => (a, i)))
    {
        rows.AddRange(author.Rows);
        fold.AddRange(Enumerable.Repeat(index, author.Rows.Count));
    }
    return (rows, fold.ToArray());
}

// 1. Leave one author out: what this recipe does on mail by someone whose mail it never saw.
Console.WriteLine($"Variant {variant}: {settings}");
Console.WriteLine($"Authors: {string.Join(", ", authors.Select(a => $"{a.Name} ({a.Rows.Count})"))}");
Console.WriteLine();
Console.WriteLine("| trained on | scored on | breach R | breach P | complaint R | marketing P | macro-F1 | needsHuman | possible breach (breaches) | DPO alerted, of breaches |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
var details = new List<string>();
using var dump = dumpFile is null ? null : new StreamWriter(dumpFile); // every mail scored: set, author left out, id, expected, category, signals
var crossAuthor = new Dictionary<string, double>();
var tierRows = new List<string>();
var retraining = !args.Contains("--cross-author");
// Each training is deterministic and single-threaded with its own ML.NET context, so --jobs N only runs N of them at
// once (the authors left out in turn, and the model on everything alongside them); results print in author order.
var finalLog = new List<string>();
var finalTraining = retraining && jobs > 1 ? Task.Run(() => TrainOnEverything(finalLog.Add)) : null;
var leftOut = authors.Where(a => leaveOut is null || leaveOut.Contains(a.Name)).ToList();
var runs = leftOut.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(jobs, Math.Max(1, leftOut.Count))).Select(LeaveOut).ToList();
foreach (var run in runs)
{
    foreach (var line in run.Log) Console.WriteLine(line);
    Console.WriteLine(run.Comment);
    foreach (var scored in run.Scored)
    {
        Console.WriteLine(scored.Row);
        details.Add(scored.Details);
        dump?.WriteLine(scored.Dump);
        tierRows.AddRange(scored.Tiers);
    }
    foreach (var (key, value) in run.Figures) crossAuthor[key] = value;
}

// One author left out: trained on the others (thresholds set on their own cross-author predictions, as for the
// committed model), scored on that author and on dev.
LeftOut LeaveOut((string Name, IReadOnlyList<LabelledMail> Rows) author)
{
    var (name, test) = author;
    var others = authors.Where(a => a.Name != name).ToList();
    var (train, fold) = Pool(others);
    var trainName = string.Join("", others.Select(a => a.Name));
    var log = new List<string>();
    var model = trainer.Train(train, verbose ? log.Add : null, foldOf: others.Count > 1 ? i => fold[i] : null).Model;
    var t = model.Thresholds;
    var comment = $"<!-- {name} left out: breach threshold {F(t.AcceptFor(TriageCategory.Breach))}, possible {F(t.PossibleBreach)}, with a sign {F(t.PossibleBreachWithCue)}, " +
                  $"passage breach {F(t.PassageBreach)} (whole mail at least {F(t.PassageBreachFloor)}), passage possible {F(t.PassagePossible)} -->";
    var classifier = TriageClassifier.Create(options, DemoRegisterToolNames.All, model);
    var scored = new List<Scored>();
    var figures = new Dictionary<string, double>();
    foreach (var (scoredName, rows) in new[] { (name, test), ("dev", dev) })
    {
        var tiers = args.Contains("--tiers") ? TierSweep.Rows(scoredName == "dev" ? $"dev({name} out)" : name, classifier, rows).ToList() : [];
        var eval = TriageEvaluation.Run(classifier, rows);
        scored.Add(new Scored($"| {trainName} ({train.Count}) | {scoredName} ({rows.Count}) | {eval.SummaryCells()} |",
            $"## trained on {trainName}, scored on {scoredName}\n\n{eval.ToMarkdown()}",
            string.Join('\n', eval.Items.Select(i => $"{scoredName}\t{name}\t{i.Row.Id}\t{i.Row.Expected.WireName()}\t{i.Result.Category.WireName()}\t{string.Join(' ', i.Result.Signals)}")),
            tiers));
        if (scoredName != "dev")
        {
            figures[$"to{name}.macroF1"] = Math.Round(eval.MacroF1, 4);
            figures[$"to{name}.breachRecall"] = Math.Round(eval.PerClass[TriageCategory.Breach].Recall, 4);
            figures[$"to{name}.alertRecall"] = Math.Round(eval.AlertRecall, 4);
        }
    }
    return new LeftOut(log, comment, scored, figures);
}

if (crossAuthor.Count > 0)
{
    string Mean(string figure) => F(crossAuthor.Where(kv => kv.Key.EndsWith("." + figure, StringComparison.Ordinal)).Average(kv => kv.Value));
    Console.WriteLine();
    Console.WriteLine($"Mean over the authors left out: macro-F1 {Mean("macroF1")}, breach recall {Mean("breachRecall")}, DPO alerted for {Mean("alertRecall")} of breaches.");
}
Console.WriteLine();
if (args.Contains("--misses")) foreach (var d in details) Console.WriteLine(d + "\n");
if (tierRows.Count > 0)
{
    Console.WriteLine("scored on,upper tier,marketing needs a sign,possible floor,possible floor with a sign,breach R,breach P,marketing R,macro-F1,DPO alerted,possible marks,false alarms");
    foreach (var r in tierRows) Console.WriteLine(r);
    Console.WriteLine();
}
if (args.Contains("--cross-author"))
{
    Console.WriteLine($"({watch.Elapsed.TotalSeconds:0} s)");
    return 0;
}

// 2. The model on everything, thresholds from cross-author predictions (each author's mail scored by the others' model).
var trained = finalTraining is not null ? await finalTraining : TrainOnEverything(Console.WriteLine);
foreach (var line in finalLog) Console.WriteLine(line); // the log of the training run alongside the others (--jobs)
trained = trained with { File = trained.File with { CrossAuthor = crossAuthor, CrossAuthorDecision = TriageModelFile.TieredDecision } };

// 3. The gate: never replace the committed model with a worse one.
var refusals = new List<string>();
MlTriageModel? current = null;
try
{
    current = MlTriageModel.LoadEmbedded();
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
{
    Console.WriteLine($"No committed model to compare with ({e.Message}).");
}
if (current is not null)
{
    var currentClassifier = TriageClassifier.Create(options, DemoRegisterToolNames.All, current);
    var candidateClassifier = TriageClassifier.Create(options, DemoRegisterToolNames.All, trained.Model);
    foreach (var (name, rows) in evalFiles.Select(p => (p, LabelledMail.ParseLines(File.ReadAllLines(p)))).Prepend((devFile, dev)))
    {
        var before = TriageModelGate.Figures.Of(TriageEvaluation.Run(currentClassifier, rows));
        var after = TriageModelGate.Figures.Of(TriageEvaluation.Run(candidateClassifier, rows));
        Console.WriteLine($"{name}: committed {current.Version} {before}; new {after}");
        refusals.AddRange(TriageModelGate.Regressions(name, before, after));
    }
    foreach (var direction in crossAuthor.Keys.Where(k => k.EndsWith(".macroF1", StringComparison.Ordinal)).Select(k => k[..^".macroF1".Length]))
    {
        if (current.File.CrossAuthor is not { } recorded
            || !recorded.TryGetValue(direction + ".macroF1", out var f1) || !recorded.TryGetValue(direction + ".alertRecall", out var alerted))
        {
            Console.WriteLine($"cross-author {direction}: the committed model has no figure to compare with.");
            continue;
        }
        // Category breach recall compares only when recorded under the decision the models run now (the tiers).
        var comparable = current.File.CrossAuthorDecision == TriageModelFile.TieredDecision;
        double? recall = comparable && recorded.TryGetValue(direction + ".breachRecall", out var r) ? r : null;
        var before = new TriageModelGate.Figures(f1, recall, alerted);
        var after = new TriageModelGate.Figures(crossAuthor[direction + ".macroF1"], comparable ? crossAuthor[direction + ".breachRecall"] : null,
            crossAuthor[direction + ".alertRecall"]);
        Console.WriteLine($"cross-author {direction}: committed {before}; new {after}");
        refusals.AddRange(TriageModelGate.Regressions("cross-author " + direction, before, after));
    }
}
if (refusals.Count > 0)
{
    Console.WriteLine("Refused: the new model is worse than the committed one.");
    foreach (var r in refusals) Console.WriteLine("  " + r);
    return 3;
}
TriageModelTrainer.Save(trained, Path.Combine(outDir, "triage-model.zip"), Path.Combine(outDir, "triage-model.json"),
    Path.Combine(outDir, "triage-model-nb.bin"), Path.Combine(outDir, "triage-model-passages.bin"), Path.Combine(outDir, "triage-model-passages-lr.zip"));
Console.WriteLine($"Wrote {trained.File.Version} to {outDir} in {watch.Elapsed.TotalSeconds:0.0} s.");
return 0;

TriageModelTrainer.Trained TrainOnEverything(Action<string> log)
{
    var (all, authorFold) = Pool(authors);
    var corrections = TriageTrainingSet.Corrections();
    all.AddRange(corrections);
    log($"Training on {all.Count} rows ({string.Join(", ", authors.Select(a => $"author {a.Name} {a.Rows.Count}"))}, corrections {corrections.Count}): " +
        string.Join(", ", all.GroupBy(r => r.Expected).OrderBy(g => g.Key).Select(g => $"{g.Key.WireName()} {g.Count()}")));
    // Corrections are one more fold: scored by the model of every author's mail.
    return trainer.Train(all, log, foldOf: i => i < authorFold.Length ? authorFold[i] : authors.Count);
}

/// <summary>One author left out: the training log (--verbose), the thresholds chosen, each scored set, the figures recorded.</summary>
internal sealed record LeftOut(IReadOnlyList<string> Log, string Comment, IReadOnlyList<Scored> Scored, IReadOnlyDictionary<string, double> Figures);

/// <summary>One set scored: its table row, its details (--misses), its dump lines (--dump) and its tier rows (--tiers).</summary>
internal sealed record Scored(string Row, string Details, string Dump, IReadOnlyList<string> Tiers);
