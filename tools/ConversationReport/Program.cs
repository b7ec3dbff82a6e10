using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Tools.ConversationReport;

// dotnet run -c Release --project tools/ConversationReport -- <file.jsonl>
//   scores every line {text, intent, tool, filters?} with the committed model, as the bot understands it.
// dotnet run -c Release --project tools/ConversationReport -- --holdout
//   scores the held-out tenth of the committed training data (fold 0 of 10 by id hash) with a model trained in
//   memory on the other nine tenths. Run from the repository root. Prints Markdown; writes nothing.
// dotnet run -c Release --project tools/ConversationReport -- --cross-author b|a
//   scores one author's rows (b: the second author's; a: the first author's hand-written rows) with a model trained
//   in memory on the other author's rows only (temperature fitted on those rows), tools and filters as the bot does.
// Any of the above with --catalogue-names: unknown products by the catalogue's full name instead of as written
//   (measures that choice; the bot names them as written).
var catalogueNames = args.Contains("--catalogue-names");
args = args.Where(a => a != "--catalogue-names").ToArray();
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ConversationReport <file.jsonl> | --holdout | --cross-author b|a");
    return 2;
}

IReadOnlyList<ChatExample> rows;
IntentModelProvider model;
string source;
if (args[0] == "--holdout")
{
    var all = IntentModelFiles.TrainingSet();
    var train = all.Where(r => IntentCalibration.Fold(r, 10) != 0).ToList();
    rows = all.Where(r => IntentCalibration.Fold(r, 10) == 0).ToList();
    var temperature = IntentModelFiles.Info().Temperature;
    model = new IntentModelProvider(() => IntentModel.Train(train, temperature));
    source = $"held-out tenth of the training data ({rows.Count} rows; model trained in memory on the other {train.Count}, temperature {temperature})";
}
else if (args[0] == "--cross-author" && args.Length > 1 && args[1] is "a" or "b")
{
    var all = IntentModelFiles.TrainingSet();
    var scored = args[1];
    var train = all.Where(r => r.Writer != scored).ToList();
    rows = all.Where(r => r.Writer == scored && r.Source != "variant").ToList();
    var temperature = IntentCalibration.FitTemperature(train);
    model = new IntentModelProvider(() => IntentModel.Train(train, temperature));
    source = $"author {scored}'s hand-written rows ({rows.Count}; model trained in memory on the other author's {train.Count}, temperature {temperature})";
}
else
{
    if (!File.Exists(args[0]))
    {
        Console.Error.WriteLine($"No such file: {args[0]}");
        return 2;
    }
    rows = ChatExample.ParseLines(File.ReadAllLines(args[0]));
    model = new IntentModelProvider();
    source = $"{args[0]} ({rows.Count} rows; committed model, {IntentModelFiles.Info().Rows} training rows)";
}

var academies = ReportAcademies.Load();
var understanding = UnderstandingServices.Create(academies, model, catalogueNames);
var register = new RegisterSnapshot(DemoRegister.Entries);
var results = rows.Select(r => (Row: r, Got: understanding.Understand(r.Text, register))).ToList();
Console.WriteLine($"# Conversation understanding: {source}");
Console.WriteLine();
Console.WriteLine(ConversationScore.Compute(results).ToMarkdown());
return 0;
