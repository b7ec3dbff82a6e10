using System.Runtime.CompilerServices;
using AiPolicyBot.Common;
using AiPolicyBot.Incidents;
using AiPolicyBot.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Incidents;

/// <summary>
/// Incident cases in table {prefix}Incidents, all in PartitionKey "case" (tens a year): RowKey = the case id
/// ("INC-2026-0001") holding the case as JSON plus State, Source, OpenedAt for filters; and one RowKey
/// "source|{Safe(source key)}" per cause pointing at its case. Both rows are added in ONE entity-group transaction,
/// so a cause can never open two cases: the second transaction fails on the existing source row and the caller
/// gets the first case (its number stays unused). Updates replace the case row under its ETag.
/// </summary>
public sealed class TableIncidentStore(TableClients tables, TableReferenceCounter counter) : IIncidentStore
{
    public const string Partition = "case";
    public const string Series = "incident";
    private const string SourcePrefix = "source|";
    private TableClient Table => tables.Incidents;

    public async Task<(Versioned<IncidentCase> Case, bool Created)> OpenAsync(IncidentCase draft, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        if (await FindBySourceAsync(draft.SourceKey, ct) is { } existing) return (existing, false);
        var year = draft.OpenedAt.UtcDateTime.Year;
        var c = draft with { Id = IncidentIds.Format(year, await counter.NextNumberAsync(Series, year, ct)) };
        var index = new TableEntity(Partition, SourceRowKey(c.SourceKey)) { ["SourceKey"] = c.SourceKey, ["CaseId"] = c.Id };
        try
        {
            var responses = await Table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, ToEntity(c)), new(TableTransactionActionType.Add, index)], ct);
            return (new Versioned<IncidentCase>(c, responses.Value[0].Headers.ETag!.Value.ToString()), true);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // The same cause was opened concurrently: theirs stands.
            return (await FindBySourceAsync(draft.SourceKey, ct)
                    ?? throw new ConcurrencyConflictException($"incident for {draft.SourceKey} conflicted but was not found", e), false);
        }
    }

    public async Task<Versioned<IncidentCase>?> GetAsync(string id, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        if (!IncidentIds.LooksValid(id)) return null;
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return found.HasValue ? ToVersioned(found.Value!) : null;
    }

    public Task<Versioned<IncidentCase>> UpdateAsync(IncidentCase c, string version, CancellationToken ct) =>
        TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var response = await Table.UpdateEntityAsync(ToEntity(c), new ETag(version), TableUpdateMode.Replace, ct);
            return new Versioned<IncidentCase>(c, response.Headers.ETag!.Value.ToString());
        }, $"incident {c.Id} changed since it was read");

    public async IAsyncEnumerable<IncidentCase> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        // Case rows only ("INC-" sorts before "source|").
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"INC-"} and RowKey lt {"INC."}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return JsonColumn.Read<IncidentCase>(e.GetString(JsonColumn.Name), $"incident {e.RowKey}");
    }

    private async Task<Versioned<IncidentCase>?> FindBySourceAsync(string sourceKey, CancellationToken ct)
    {
        var index = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, SourceRowKey(sourceKey), cancellationToken: ct);
        return index.HasValue && index.Value!.GetString("CaseId") is { } id ? await GetAsync(id, ct) : null;
    }

    private static string SourceRowKey(string sourceKey) => SourcePrefix + TableKeys.Safe(sourceKey);

    private static TableEntity ToEntity(IncidentCase c) => new(Partition, c.Id)
    {
        ["State"] = c.State.ToString(),
        ["Source"] = c.Source.ToString(),
        ["OpenedAt"] = c.OpenedAt,
        [JsonColumn.Name] = JsonColumn.Write(c, $"incident {c.Id}"),
    };

    private static Versioned<IncidentCase> ToVersioned(TableEntity e) =>
        new(JsonColumn.Read<IncidentCase>(e.GetString(JsonColumn.Name), $"incident {e.RowKey}"), e.ETag.ToString());
}
