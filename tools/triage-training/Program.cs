using System.Diagnostics;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

// dotnet run --project tools/triage-training -c Release [-- --out DIR]
// Trains the triage model on the repository's labelled mail minus the held-out slice (deterministic), and writes
// triage-model.zip and triage-model.json into functions/AiPolicyBot.Language/Triage/Model (or DIR). Review the
// figures it prints and the diff of the .json before committing (docs/triage-quality.md).
var outDir = Path.Combine("functions", "AiPolicyBot.Language", "Triage", "Model");
for (var i = 0; i < args.Length - 1; i++)
    if (args[i] == "--out") outDir = args[i + 1];
if (!Directory.Exists(outDir))
{
    Console.Error.WriteLine($"No such directory: {outDir} (run from the repository root, or pass --out DIR).");
    return 2;
}
var rows = TriageTrainingSet.Training();
Console.WriteLine($"Training on {rows.Count} rows ({TriageTrainingSet.HeldOut().Count} held out): " +
                  string.Join(", ", rows.GroupBy(r => r.Expected).OrderBy(g => g.Key).Select(g => $"{g.Key.WireName()} {g.Count()}")));
var watch = Stopwatch.StartNew();
var trained = new TriageModelTrainer(new TriageOptions(), DemoRegisterToolNames.All).Train(rows, Console.WriteLine);
TriageModelTrainer.Save(trained, Path.Combine(outDir, "triage-model.zip"), Path.Combine(outDir, "triage-model.json"));
Console.WriteLine($"Wrote {trained.File.Version} to {outDir} in {watch.Elapsed.TotalSeconds:0.0} s.");
return 0;
