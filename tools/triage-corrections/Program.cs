using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Triage.Inbox;

// dotnet run --project tools/triage-corrections -c Release -- [--out FILE.jsonl] [--only-changed] [--table-prefix P]
// Exports the stored corrections ({prefix}TriageCorrections) as labelled JSONL in the training schema, for a person to
// read row by row before committing them as functions/AiPolicyBot.Language/Triage/TrainingData/corrections-*.jsonl
// (docs/triage-quality.md "Retraining"). Storage: the connection string in AzureWebJobsStorage (default: Azurite's
// development storage), or AzureWebJobsStorage__accountName for a managed identity, as the app reads it. Reads only.
string? outFile = null;
var options = new StorageOptions
{
    ConnectionString = Environment.GetEnvironmentVariable(StorageOptions.ConnectionStringKey) is { Length: > 0 } cs ? cs : StorageOptions.DevelopmentStorage,
    AccountName = Environment.GetEnvironmentVariable(StorageOptions.ConnectionStringKey + "__accountName"),
    ClientId = Environment.GetEnvironmentVariable(StorageOptions.ConnectionStringKey + "__clientId"),
};
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
        case "--table-prefix" when i + 1 < args.Length: options.TablePrefix = args[++i]; break;
        case "--only-changed": break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--out FILE.jsonl] [--only-changed] [--table-prefix P]");
            return 2;
    }
}

var storage = new InboxStorage(StorageServiceClients.Tables(options), StorageServiceClients.Queues(options), options);
var corrections = await new TableTriageCorrectionStore(storage).ListAsync(CancellationToken.None);
var (lines, withoutExample) = TriageCorrectionExport.ToJsonLines(corrections, onlyChanged: args.Contains("--only-changed"));
if (outFile is null) foreach (var line in lines) Console.WriteLine(line);
else await File.WriteAllLinesAsync(outFile, lines);
Console.Error.WriteLine($"{lines.Count} labelled rows from {corrections.Count} stored corrections ({corrections.Count(c => c.IsCorrection)} changed the category); " +
                        $"{withoutExample} without an example left out.{(outFile is null ? "" : $" Written to {outFile}.")}");
return 0;
