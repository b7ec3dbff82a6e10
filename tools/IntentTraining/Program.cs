using System.Diagnostics;
using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Tools.IntentTraining;

// dotnet run -c Release --project tools/IntentTraining [-- <repository root>]
// Reads Conversation/Data/chat-train.jsonl from the source tree (not the embedded copy, which may be a build behind),
// fits the temperature by 5-fold cross-validation, trains on every row and writes the model and its info file.
// Deterministic: the same data gives the same model (fixed seed, one training thread; IntentModelTests).
// Then prints the development figures: the held-out tenth and cross-author (CrossAuthor; `-- figures` prints only them).
// It also writes intent-model.bin: the model's inference as tables (IntentModelExport), what chat turns load instead
// of ML.NET (docs/spec/intent-scorer.md).
// dotnet run -c Release --project tools/IntentTraining -- tune
//   prints 5-fold cross-validated intent accuracy (with clarifications) for a few settings and thresholds; writes nothing.
// dotnet run -c Release --project tools/IntentTraining -- export
//   rewrites intent-model.bin from the committed intent-model.zip and training data, without retraining.
var tune = args.Length > 0 && args[0] == "tune";
var figuresOnly = args.Length > 0 && args[0] == "figures";
var export = args.Length > 0 && args[0] == "export";
var mode = tune || figuresOnly || export ? 1 : 0;
var root = args.Length > mode ? args[mode] : Directory.GetCurrentDirectory();
var dataPath = Path.Combine(root, IntentModelFiles.TrainingDataPath);
if (!File.Exists(dataPath))
{
    Console.Error.WriteLine($"No training data at {dataPath}; run from the repository root.");
    return 2;
}
var bytes = File.ReadAllBytes(dataPath);
var rows = ChatExample.ParseLines(System.Text.Encoding.UTF8.GetString(bytes).Split('\n'));
if (tune)
{
    Tuning.Run(rows);
    return 0;
}
if (export)
{
    MlIntentModel committed;
    using (var zip = File.OpenRead(Path.Combine(root, IntentModelFiles.ModelPath))) committed = MlIntentModel.Load(zip);
    WriteTables(IntentModelExport.Export(committed, rows));
    return 0;
}
if (figuresOnly)
{
    CrossAuthor.Print(rows);
    return 0;
}
var sw = Stopwatch.StartNew();
var temperature = IntentCalibration.FitTemperature(rows);
Console.WriteLine($"temperature {temperature} (5-fold out-of-fold log-loss) in {sw.Elapsed.TotalSeconds:F1} s");
sw.Restart();
var model = MlIntentModel.Train(rows);
Console.WriteLine($"trained on {rows.Count} rows in {sw.Elapsed.TotalSeconds:F1} s");

using (var zip = File.Create(Path.Combine(root, IntentModelFiles.ModelPath))) model.Save(zip);
WriteTables(IntentModelExport.Export(model, rows));
var info = new IntentModelInfo
{
    DataSha256 = IntentCalibration.DataHash(bytes),
    Rows = rows.Count,
    Temperature = temperature,
    Labels = model.Labels.ToArray(),
};
File.WriteAllText(Path.Combine(root, IntentModelFiles.InfoPath), info.ToJson() + "\n");
Console.WriteLine($"wrote {IntentModelFiles.ModelPath} and {IntentModelFiles.InfoPath}");
CrossAuthor.Print(rows);
return 0;

void WriteTables(IntentModelTables tables)
{
    using (var bin = File.Create(Path.Combine(root, IntentModelFiles.TablesPath))) tables.Write(bin);
    Console.WriteLine($"wrote {IntentModelFiles.TablesPath}: {tables.CharGrams.Length} character and {tables.WordGrams.Length} word n-grams, {tables.Labels.Length} intents");
}
