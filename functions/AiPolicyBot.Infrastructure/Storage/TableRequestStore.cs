using System.Globalization;
using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Requests;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Requests in table {prefix}Requests: PartitionKey = the year of the reference ("2026"), RowKey = the reference
/// ("AIP-2026-0042"). Columns RequesterId, State, SubmittedAt, UpdatedAt (for filters) and the whole request as JSON.
/// The report columns (Tool, Academy, Tier, DecidedAt) repeat a few facts of the JSON so counts and charts read
/// narrow rows (docs/spec/reports.md). A change with a follow-up event writes the event's outbox row
/// (<see cref="RequestEventRows"/>) in the same partition and the same entity-group transaction; the caller then
/// publishes it, and <see cref="TableRequestEventLog"/> reads and moves it on. Such a change leaves the open-request
/// copy to its event's follow-up (<see cref="RequestIndexFollowUp"/>): a decision waits for two round trips, not four.
/// Listing by requester reads one row of <see cref="RequestIndex"/> and then each request by its key; listing the open
/// requests reads their copies, never the whole table (a large trust has tens of thousands of requests); requests
/// stored before the index existed are indexed once, on the first listing (a one-time scan, marked done in the index
/// table).
/// </summary>
public sealed class TableRequestStore(TableClients tables, TableReferenceCounter counter, TimeProvider? time = null) : IRequestStore
{
    public const string ToolColumn = "Tool";
    public const string AcademyColumn = "Academy";
    public const string TierColumn = "Tier";
    public const string DecidedAtColumn = "DecidedAt";

    private const string MetaPartition = "meta";
    // v2: one list row per person and the open copies in a table of their own (v1 kept both in RequestIndex partitions,
    // read by query; its rows are left where they are, unread).
    private const string BuiltRow = "built-v2";
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

    public Task<CommittedChange> CreateAsync(ToolRequest request, RequestEvent followUp, CancellationToken ct) =>
        CommitAsync(new(TableTransactionActionType.Add, ToEntity(request)), request, followUp, $"request {request.Reference} already exists", ct);

    public Task<CommittedChange> UpdateAsync(ToolRequest request, string version, RequestEvent followUp, CancellationToken ct) =>
        CommitAsync(new(TableTransactionActionType.UpdateReplace, ToEntity(request), new ETag(version)), request, followUp,
            $"request {request.Reference} changed since it was read", ct);

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
        var rows = await _index.OpenRowsAsync(null, ct);
        return [.. rows.Select(ToVersioned).Where(r => r.Value.State.IsOpen()).OrderBy(r => r.Value.SubmittedAt)];
    }

    /// <summary>The open copies' narrow columns only: no JSON crosses the wire or is parsed.</summary>
    public async Task<IReadOnlyList<OpenRequest>> ListOpenSummariesAsync(CancellationToken ct)
    {
        await EnsureIndexedAsync(ct);
        var rows = await _index.OpenRowsAsync(SummaryColumns, ct);
        return [.. rows.Select(ToSummary).Where(r => r.State.IsOpen()).OrderBy(r => r.SubmittedAt)];
    }

    private static readonly string[] SummaryColumns =
        ["RowKey", "RequesterId", RequestIndex.RequesterNameColumn, AcademyColumn, ToolColumn, "State", RequestIndex.PendingRolesColumn, "SubmittedAt"];

    private static OpenRequest ToSummary(TableEntity e) => new(
        e.RowKey,
        e.GetString("RequesterId") ?? "",
        e.GetString(RequestIndex.RequesterNameColumn) ?? "",
        e.GetString(AcademyColumn) ?? "",
        e.GetString(ToolColumn) ?? "",
        Enum.TryParse<RequestState>(e.GetString("State"), out var state) ? state : RequestState.Draft,
        e.GetString(RequestIndex.PendingRolesColumn) is { Length: > 0 } roles ? roles.Split(',') : [],
        e.GetDateTimeOffset("SubmittedAt") ?? default);

    public Task<string> NextReferenceAsync(int year, CancellationToken ct) => counter.NextAsync(year, ct);

    /// <summary>
    /// Indexes requests stored before this index existed: once per table, on the first listing of a process. Not
    /// cancelled with the caller (a turn's budget): it finishes for the next caller instead of starting over.
    /// </summary>
    private Task EnsureIndexedAsync(CancellationToken ct) => _indexBuilt.RunAsync(async _ =>
    {
        var token = CancellationToken.None;
        await tables.EnsureCreatedAsync(token);
        if ((await tables.RequestIndex.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BuiltRow, cancellationToken: token)).HasValue) return;
        // The one scan, never on a hot path again: the marker below is written only after every request is indexed.
        // Request rows only (the event rows beside them sort from "event|" on), then each person's list in one write.
        var byPerson = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var open = new List<(TableEntity Row, ToolRequest Request)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey lt {RequestEventRows.Prefix}"), cancellationToken: token))
        {
            var requester = e.GetString("RequesterId") ?? "";
            if (!byPerson.TryGetValue(requester, out var references)) byPerson[requester] = references = [];
            references.Add(e.RowKey);
            if (Enum.TryParse<RequestState>(e.GetString("State"), out var state) && state.IsOpen()) open.Add((e, ToRequest(e)));
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = token };
        await Parallel.ForEachAsync(byPerson, parallel, async (person, t) => await _index.ListAsync(person.Key, person.Value, t));
        await Parallel.ForEachAsync(open, parallel, async (o, t) => await _index.AddOpenAsync(o.Row, o.Request, t));
        await tables.RequestIndex.UpsertEntityAsync(new TableEntity(MetaPartition, BuiltRow), TableUpdateMode.Replace, token);
    }, ct);

    /// <summary>The request row and its event row in one transaction (both or neither), each with the version it got.</summary>
    private async Task<CommittedChange> CommitAsync(
        TableTransactionAction change, ToolRequest request, RequestEvent followUp, string conflict, CancellationToken ct)
    {
        if (!string.Equals(followUp.Reference, request.Reference, StringComparison.Ordinal))
            throw new ArgumentException($"The event is for {followUp.Reference}, not {request.Reference}.", nameof(followUp));
        var now = (time ?? TimeProvider.System).GetUtcNow();
        List<TableTransactionAction> actions =
        [
            change,
            new(TableTransactionActionType.Add, RequestEventRows.ToEntity(change.Entity.PartitionKey, new RequestEventRecord(followUp, RequestEventState.Pending, now))),
        ];
        EntityGroupTransaction.EnsureOnePartition(actions);
        var creates = change.ActionType == TableTransactionActionType.Add;
        return await TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            if (creates) await _index.AddAsync((TableEntity)change.Entity, request, ct); // first, so a stored request is always listed
            var response = await Table.SubmitTransactionAsync(actions, ct);
            return new CommittedChange(new Versioned<ToolRequest>(request, response.Value[0].Headers.ETag!.Value.ToString()),
                new Versioned<RequestEvent>(followUp, response.Value[1].Headers.ETag!.Value.ToString()));
        }, conflict);
    }

    private static string Partition(int year) => RequestEventRows.Partition(year);

    /// <summary>The stored row of a request (also what the scale generator writes in batches).</summary>
    public static TableEntity ToEntity(ToolRequest request)
    {
        if (!RequestReference.TryParse(request.Reference, out var year, out _))
            throw new ArgumentException($"'{request.Reference}' is not a reference of the form AIP-YYYY-NNNN.", nameof(request));
        var entity = new TableEntity(Partition(year), request.Reference)
        {
            ["RequesterId"] = request.RequesterId,
            ["State"] = request.State.ToString(),
            ["SubmittedAt"] = request.SubmittedAt,
            ["UpdatedAt"] = request.UpdatedAt,
            [ToolColumn] = request.Intake.ToolName,
            [AcademyColumn] = request.Intake.AcademyId,
            [TierColumn] = request.Outcome.Tier.ToString(),
            [DecidedAtColumn] = RequestFacts.DecisionTime(request),
        };
        // A request grows with every question, answer and decision: it may spread over several columns.
        JsonColumn.WriteSpread(entity, request, $"request {request.Reference}");
        return entity;
    }

    private static Versioned<ToolRequest> ToVersioned(TableEntity e) => new(ToRequest(e), e.ETag.ToString());

    /// <summary>The request a stored row holds (its JSON columns).</summary>
    public static ToolRequest ToRequest(TableEntity e) => JsonColumn.ReadSpread<ToolRequest>(e, $"request {e.RowKey}");
}
