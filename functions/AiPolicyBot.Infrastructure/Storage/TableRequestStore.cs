using System.Globalization;
using Azure;
using Azure.Data.Tables;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Requests in table {prefix}Requests: PartitionKey = the year of the reference ("2026"), RowKey = the reference
/// ("AIP-2026-0042"). Columns RequesterId, State, SubmittedAt, UpdatedAt (for filters) and the whole request as JSON.
/// Listing by requester or open state reads one partition of <see cref="RequestIndex"/>, never the whole table (a large
/// trust has tens of thousands of requests); requests stored before the index existed are indexed once, on the first
/// listing (a one-time scan, marked done in the index table).
/// </summary>
public sealed class TableRequestStore(TableClients tables, TableReferenceCounter counter) : IRequestStore
{
    private const string MetaPartition = "meta";
    private const string BuiltRow = "built-v1";
    private const int ParallelReads = 16;

    private readonly RequestIndex _index = new(tables);
    private readonly CreateOnce _indexBuilt = new();

    private TableClient Table => tables.Requests;

    public async Task<Versioned<ToolRequest>?> GetAsync(string reference, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        if (!RequestReference.TryParse(reference, out var year, out _)) return null;
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(year), reference, cancellationToken: ct);
        return found.HasValue ? ToVersioned(found.Value!) : null;
    }

    public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, CancellationToken ct) =>
        TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var row = ToEntity(request);
            await _index.AddAsync(row, request, ct); // first, so a stored request is always listed
            var response = await Table.AddEntityAsync(row, ct);
            return new Versioned<ToolRequest>(request, response.Headers.ETag!.Value.ToString());
        }, $"request {request.Reference} already exists");

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct) =>
        TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var row = ToEntity(request);
            var response = await Table.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, ct);
            var etag = response.Headers.ETag!.Value;
            await _index.ChangedAsync(row, request, etag, ct);
            return new Versioned<ToolRequest>(request, etag.ToString());
        }, $"request {request.Reference} changed since it was read");

    public async Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct)
    {
        await EnsureIndexedAsync(ct);
        var references = await _index.ReferencesOfAsync(requesterId, ct);
        var found = new Versioned<ToolRequest>?[references.Count];
        await Parallel.ForAsync(0, references.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (i, token) => found[i] = await GetAsync(references[i], token));
        // A requester row written just before a create that failed has no request: skip it.
        return [.. found.OfType<Versioned<ToolRequest>>().Where(r => r.Value.RequesterId == requesterId).OrderByDescending(r => r.Value.SubmittedAt)];
    }

    public async Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct)
    {
        await EnsureIndexedAsync(ct);
        var rows = await _index.OpenRowsAsync(ct);
        return [.. rows.Select(ToVersioned).Where(r => r.Value.State.IsOpen()).OrderBy(r => r.Value.SubmittedAt)];
    }

    public Task<string> NextReferenceAsync(int year, CancellationToken ct) => counter.NextAsync(year, ct);

    /// <summary>
    /// Indexes requests stored before the index existed: once per table, on the first listing of a process. Not
    /// cancelled with the caller (a turn's budget): it finishes for the next caller instead of starting over.
    /// </summary>
    private Task EnsureIndexedAsync(CancellationToken ct) => _indexBuilt.RunAsync(async _ =>
    {
        var token = CancellationToken.None;
        await tables.EnsureCreatedAsync(token);
        if ((await tables.RequestIndex.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BuiltRow, cancellationToken: token)).HasValue) return;
        // The one scan, never on a hot path again: the marker below is written only after every request is indexed.
        await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: token))
            await _index.AddAsync(e, ToVersioned(e).Value, token);
        await tables.RequestIndex.UpsertEntityAsync(new TableEntity(MetaPartition, BuiltRow), TableUpdateMode.Replace, token);
    }, ct);

    private static string Partition(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ToolRequest request)
    {
        if (!RequestReference.TryParse(request.Reference, out var year, out _))
            throw new ArgumentException($"'{request.Reference}' is not a reference of the form AIP-YYYY-NNNN.", nameof(request));
        var entity = new TableEntity(Partition(year), request.Reference)
        {
            ["RequesterId"] = request.RequesterId,
            ["State"] = request.State.ToString(),
            ["SubmittedAt"] = request.SubmittedAt,
            ["UpdatedAt"] = request.UpdatedAt,
        };
        // A request grows with every question, answer and decision: it may spread over several columns.
        JsonColumn.WriteSpread(entity, request, $"request {request.Reference}");
        return entity;
    }

    private static Versioned<ToolRequest> ToVersioned(TableEntity e) =>
        new(JsonColumn.ReadSpread<ToolRequest>(e, $"request {e.RowKey}"), e.ETag.ToString());
}
