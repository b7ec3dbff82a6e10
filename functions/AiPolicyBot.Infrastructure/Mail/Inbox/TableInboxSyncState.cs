using AiPolicyBot.Common;
using AiPolicyBot.Triage.Inbox;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>Sync state rows in {prefix}TriageRecords, PK "sync" (RK "inbox-delta", "subscription"), ETag-guarded.</summary>
public sealed class TableInboxSyncState(InboxStorage storage) : IInboxSyncStateStore
{
    private const string Partition = "sync";

    public async Task<Versioned<string>?> GetAsync(string name, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var found = await storage.Records.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: ct);
        return found.HasValue ? new(found.Value!.GetString("Value") ?? "", found.Value.ETag.ToString()) : null;
    }

    public async Task<Versioned<string>> SaveAsync(string name, string value, string? version, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var entity = new TableEntity(Partition, name) { ["Value"] = value };
        try
        {
            var response = version is null
                ? await storage.Records.AddEntityAsync(entity, ct)
                : await storage.Records.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, ct);
            return new(value, response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException($"inbox sync state {name} ({e.Status})", e);
        }
    }

    public async Task DeleteAsync(string name, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        await storage.Records.DeleteEntityAsync(Partition, name, ETag.All, ct);
    }
}
