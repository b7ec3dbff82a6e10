using AiPolicyBot.Triage;

// dotnet run --project tools/TriageReport [-- path/to/labelled.jsonl]
// Trains on the embedded synthetic set (never the file evaluated) and prints Markdown to stdout.
var path = args.Length > 0 ? args[0] : Path.Combine("tests", "fixtures", "triage-dev.jsonl");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"No such file: {path}");
    return 2;
}
var rows = LabelledMail.ParseLines(File.ReadAllLines(path));
var classifier = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
Console.WriteLine($"Evaluated {rows.Count} rows of {path}; trained on {LabelledMail.EmbeddedTrainingSet().Count} synthetic rows; " +
                  $"softmax temperature {classifier.Model.Temperature} (chosen by 5-fold CV on the training set).");
Console.WriteLine();
Console.WriteLine(TriageEvaluation.Run(classifier, rows).ToMarkdown());
return 0;
