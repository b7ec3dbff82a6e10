using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Triage.Inbox;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>{prefix}TriageCorrections: PK "correction", RK = triage record key; upsert (a person's latest word counts).</summary>
public sealed class TableTriageCorrectionStore(InboxStorage storage) : ITriageCorrectionStore
{
    private const string Partition = "correction";

    public async Task SaveAsync(TriageCorrection correction, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        await storage.Corrections.UpsertEntityAsync(new TableEntity(Partition, correction.RecordKey)
        {
            ["Suggested"] = correction.Suggested.ToString(),
            ["Confirmed"] = correction.Confirmed.ToString(),
            ["IsCorrection"] = correction.IsCorrection,
            [JsonColumn.Name] = JsonColumn.Write(correction, "triage correction"),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<TriageCorrection>> ListAsync(CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var list = new List<TriageCorrection>();
        await foreach (var e in storage.Corrections.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: ct))
            list.Add(JsonColumn.Read<TriageCorrection>(e.GetString(JsonColumn.Name), "triage correction"));
        return list;
    }
}
