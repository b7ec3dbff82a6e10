using Azure;
using Azure.Data.Tables;
using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// The register in table {prefix}Register: PartitionKey "register" (one small partition, read whole into the cache),
/// RowKey = <see cref="TableKeys.Safe"/>(entry id); columns Id, Name, Status and the entry as JSON.
/// </summary>
public sealed class TableRegisterStore(TableClients tables) : IRegisterStore
{
    public const string Partition = "register";
    private TableClient Table => tables.Register;

    public async Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var list = new List<Versioned<RegisterEntry>>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
            list.Add(ToVersioned(e));
        return list;
    }

    public async Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Safe(id), cancellationToken: ct);
        return found.HasValue ? ToVersioned(found.Value!) : null;
    }

    public Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct) =>
        TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var entity = ToEntity(entry);
            var response = await Table.AddEntityAsync(entity, ct);
            return new Versioned<RegisterEntry>(entry, response.Headers.ETag!.Value.ToString());
        }, $"register entry {entry.Id} already exists");

    public Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct) =>
        TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var response = await Table.UpdateEntityAsync(ToEntity(entry), new ETag(version), TableUpdateMode.Replace, ct);
            return new Versioned<RegisterEntry>(entry, response.Headers.ETag!.Value.ToString());
        }, $"register entry {entry.Id} changed since it was read");

    private static TableEntity ToEntity(RegisterEntry entry) => new(Partition, TableKeys.Safe(entry.Id))
    {
        ["Id"] = entry.Id,
        ["Name"] = entry.Name,
        ["Status"] = entry.Status.ToString(),
        [JsonColumn.Name] = JsonColumn.Write(entry, $"register entry {entry.Id}"),
    };

    private static Versioned<RegisterEntry> ToVersioned(TableEntity e) =>
        new(JsonColumn.Read<RegisterEntry>(e.GetString(JsonColumn.Name), $"register row {e.RowKey}"), e.ETag.ToString());
}
