using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Triage.Inbox;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// Triage records in {prefix}TriageRecords: PK "inbound", RK = the record key (SHA-256 hex). Columns State, Category,
/// Source and UpdatedAt for filters, and the record as JSON. AddEntity → 409 is the dedupe.
/// </summary>
public sealed class TableTriageRecordStore(InboxStorage storage) : ITriageRecordStore
{
    public const string Partition = "inbound";

    public async Task<(Versioned<TriageRecord> Record, bool Inserted)> InsertOrGetAsync(TriageRecord record, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        try
        {
            var response = await storage.Records.AddEntityAsync(ToEntity(record), ct);
            return (new(record, response.Headers.ETag!.Value.ToString()), true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await GetAsync(record.Key, ct) ?? throw new ConcurrencyConflictException($"triage record {record.Key} vanished", e), false);
        }
    }

    public async Task<Versioned<TriageRecord>?> GetAsync(string key, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var found = await storage.Records.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: ct);
        return found.HasValue
            ? new(JsonColumn.Read<TriageRecord>(found.Value!.GetString(JsonColumn.Name), "triage record"), found.Value.ETag.ToString())
            : null;
    }

    public async Task<Versioned<TriageRecord>> UpdateAsync(TriageRecord record, string version, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        try
        {
            var response = await storage.Records.UpdateEntityAsync(ToEntity(record), new ETag(version), TableUpdateMode.Replace, ct);
            return new(record, response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"triage record {record.Key} ({e.Status})", e);
        }
    }

    /// <summary>The stored row of a triage record (also what the scale generator writes in batches).</summary>
    public static TableEntity ToEntity(TriageRecord r) => new(Partition, r.Key)
    {
        ["State"] = r.State.ToString(),
        ["Category"] = r.Category.ToString(),
        ["Source"] = r.Source,
        ["UpdatedAt"] = r.UpdatedAt,
        [JsonColumn.Name] = JsonColumn.Write(r, "triage record"),
    };
}
