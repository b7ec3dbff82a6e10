using AiPolicyBot.Common;
using AiPolicyBot.Register;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// The register in table {prefix}Register: PartitionKey "register" (one small partition, read whole into the cache),
/// RowKey = <see cref="TableKeys.Safe"/>(entry id); columns Id, Name, Status and the entry as JSON. Because the whole
/// register is one partition, an import is written as entity-group transactions: each holds up to 100 entries and is
/// all or nothing (docs/register-admin.md says what that means for imports of more than 100 changes).
/// </summary>
public sealed class TableRegisterStore(TableClients tables) : IRegisterBatchStore
{
    public const string Partition = "register";
    /// <summary>Table Storage's limit on operations in one entity-group transaction.</summary>
    public const int MaxBatch = 100;
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

    public async Task<IReadOnlyList<Versioned<RegisterEntry>>> WriteAllAsync(IReadOnlyList<RegisterWrite> writes, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var written = new List<Versioned<RegisterEntry>>(writes.Count);
        foreach (var chunk in writes.Chunk(MaxBatch))
        {
            var actions = chunk.Select(w => w.Version is null
                ? new TableTransactionAction(TableTransactionActionType.Add, ToEntity(w.Entry))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(w.Entry), new ETag(w.Version))).ToList();
            try
            {
                var response = await Table.SubmitTransactionAsync(actions, ct);
                written.AddRange(chunk.Select((w, i) => new Versioned<RegisterEntry>(w.Entry, response.Value[i].Headers.ETag!.Value.ToString())));
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
            {
                var id = e.FailedTransactionActionIndex is { } i && i < chunk.Length ? chunk[i].Entry.Id : "an entry";
                throw new ConcurrencyConflictException($"register entry {id} changed since the import was checked ({e.Status})", e);
            }
        }
        return written;
    }

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
