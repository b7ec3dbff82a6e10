using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

// dotnet run --project tools/TriageReport -c Release -- [FILE.jsonl ...] [--held-out]
// Scores labelled mail (the dev schema, tests/fixtures/README.md) through the classifier the preview endpoint runs
// (TriageClassifiers.Service: the committed model), in process, and prints Markdown: headline figures, per-class
// precision and recall, the confusion matrix and every miss. --held-out scores the slice of the training mail the
// committed model was trained without. Writes nothing.
var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var heldOut = args.Contains("--held-out");
if (files.Count == 0 && !heldOut) files.Add(Path.Combine("tests", "fixtures", "triage-dev.jsonl"));

var classifier = TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All);
var sets = new List<(string Name, IReadOnlyList<LabelledMail> Rows)>();
foreach (var file in files)
{
    if (!File.Exists(file))
    {
        Console.Error.WriteLine($"No such file: {file}");
        return 2;
    }
    sets.Add((file, LabelledMail.ParseLines(File.ReadAllLines(file))));
}
if (heldOut) sets.Add(("held-out slice of the training mail", TriageTrainingSet.HeldOut()));

Console.WriteLine($"Model {classifier.Model.Version} (trained on {((MlTriageModel)classifier.Model).File.TrainingRows} rows).");
foreach (var (name, rows) in sets)
{
    Console.WriteLine();
    Console.WriteLine($"## {name} ({rows.Count} mails)");
    Console.WriteLine();
    Console.WriteLine(TriageEvaluation.Run(classifier, rows).ToMarkdown());
}
return 0;
