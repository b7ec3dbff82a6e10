using System.Diagnostics;
using System.Globalization;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

// The triage model's training and retraining step (docs/triage-quality.md "Retraining"). Run from the repository root.
//
// dotnet run --project tools/triage-training -c Release -- --cross-author [--variant NAME] [--misses]
//   The development measure, writes nothing: trains on author A and scores author B and the dev set, then trains on
//   author B and scores author A and the dev set. --variant picks one of TriageModelSettings.Variants.
//
// dotnet run --project tools/triage-training -c Release [-- --eval FILE.jsonl ...] [--out DIR]
//   Retrains: the cross-author measure above, then the model on everything in Triage/TrainingData (both authors and
//   reviewed corrections), its thresholds set on cross-author predictions. Refuses (exit 3, writes nothing) when the
//   new model is worse than the committed one (TriageModelGate) on the dev set, on any --eval set (e.g. blind sets
//   passed by path) or on the cross-author figures recorded with the committed model. Otherwise writes
//   triage-model.zip and .json into functions/AiPolicyBot.Language/Triage/Model (or DIR) for review and commit.
var outDir = Path.Combine("functions", "AiPolicyBot.Language", "Triage", "Model");
var devFile = Path.Combine("tests", "fixtures", "triage-dev.jsonl");
var variant = "default";
var evalFiles = new List<string>();
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--out") outDir = args[i + 1];
    if (args[i] == "--variant") variant = args[i + 1];
    if (args[i] == "--eval") evalFiles.Add(args[i + 1]);
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
var authorA = TriageTrainingSet.AuthorA();
var authorB = TriageTrainingSet.AuthorB();
var dev = LabelledMail.ParseLines(File.ReadAllLines(devFile));
var watch = Stopwatch.StartNew();
string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

// 1. Cross-author: what this recipe does on mail by someone whose mail it never saw.
Console.WriteLine($"Variant {variant}: {settings}");
Console.WriteLine();
Console.WriteLine("| trained on | scored on | breach R | breach P | complaint R | marketing P | macro-F1 | needsHuman | possible breach |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
var details = new List<string>();
var crossAuthor = new Dictionary<string, double>();
foreach (var (trainName, train, testName, test) in new[] { ("A", authorA, "B", authorB), ("B", authorB, "A", authorA) })
{
    var classifier = TriageClassifier.Create(options, DemoRegisterToolNames.All, trainer.Train(train).Model);
    foreach (var (name, rows) in new[] { (testName, test), ("dev", dev) })
    {
        var eval = TriageEvaluation.Run(classifier, rows);
        Console.WriteLine($"| {trainName} ({train.Count}) | {name} ({rows.Count}) | {eval.SummaryCells()} |");
        details.Add($"## trained on {trainName}, scored on {name}\n\n{eval.ToMarkdown()}");
        if (name != "dev")
        {
            crossAuthor[$"{trainName}to{name}.macroF1"] = Math.Round(eval.MacroF1, 4);
            crossAuthor[$"{trainName}to{name}.breachRecall"] = Math.Round(eval.PerClass[TriageCategory.Breach].Recall, 4);
        }
    }
}
Console.WriteLine();
if (args.Contains("--misses")) foreach (var d in details) Console.WriteLine(d + "\n");
if (args.Contains("--cross-author"))
{
    Console.WriteLine($"({watch.Elapsed.TotalSeconds:0} s)");
    return 0;
}

// 2. The model on everything, thresholds from cross-author predictions (each author's mail scored by the other's model).
var all = TriageTrainingSet.All();
var corrections = TriageTrainingSet.Corrections().Count;
Console.WriteLine($"Training on {all.Count} rows (author A {authorA.Count}, author B {authorB.Count}, corrections {corrections}): " +
                  string.Join(", ", all.GroupBy(r => r.Expected).OrderBy(g => g.Key).Select(g => $"{g.Key.WireName()} {g.Count()}")));
var trained = trainer.Train(all, Console.WriteLine, foldOf: i => i < authorA.Count ? 0 : 1);
trained = trained with { File = trained.File with { CrossAuthor = crossAuthor } };

// 3. The gate: never replace the committed model with a worse one.
var refusals = new List<string>();
MlTriageModel? current = null;
try { current = MlTriageModel.LoadEmbedded(); }
catch (Exception e) when (e is InvalidOperationException or InvalidDataException) { Console.WriteLine($"No committed model to compare with ({e.Message})."); }
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
    foreach (var direction in new[] { "AtoB", "BtoA" })
    {
        if (current.File.CrossAuthor is not { } recorded
            || !recorded.TryGetValue(direction + ".macroF1", out var f1) || !recorded.TryGetValue(direction + ".breachRecall", out var recall)) continue;
        var before = new TriageModelGate.Figures(f1, recall);
        var after = new TriageModelGate.Figures(crossAuthor[direction + ".macroF1"], crossAuthor[direction + ".breachRecall"]);
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
TriageModelTrainer.Save(trained, Path.Combine(outDir, "triage-model.zip"), Path.Combine(outDir, "triage-model.json"));
Console.WriteLine($"Wrote {trained.File.Version} to {outDir} in {watch.Elapsed.TotalSeconds:0.0} s (cross-author A→B macro-F1 {F(crossAuthor["AtoB.macroF1"])}).");
return 0;
