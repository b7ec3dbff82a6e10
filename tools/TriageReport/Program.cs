using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

// dotnet run --project tools/TriageReport -c Release -- [FILE.jsonl ...]
// Scores labelled mail (the dev schema, tests/fixtures/README.md) through the classifier the preview endpoint runs
// (TriageClassifiers.Service: the committed model), in process, and prints Markdown: headline figures, per-class
// precision and recall, the confusion matrix and every miss. Writes nothing. The committed model is trained on all
// the training mail; for figures on mail a model never saw, see tools/triage-training --cross-author.
var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (files.Count == 0) files.Add(Path.Combine("tests", "fixtures", "triage-dev.jsonl"));

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

Console.WriteLine($"Model {classifier.Model.Version} (trained on {((MlTriageModel)classifier.Model).File.TrainingRows} rows).");
foreach (var (name, rows) in sets)
{
    Console.WriteLine();
    Console.WriteLine($"## {name} ({rows.Count} mails)");
    Console.WriteLine();
    Console.WriteLine(TriageEvaluation.Run(classifier, rows).ToMarkdown());
}
return 0;
