using System.Globalization;
using Azure;
using Azure.Data.Tables;
using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Requests in table {prefix}Requests: PartitionKey = the year of the reference ("2026"), RowKey = the reference
/// ("AIP-2026-0042"). Columns RequesterId, State, SubmittedAt, UpdatedAt (for filters) and the whole request as JSON.
/// Listing by requester or state is a filtered query: fine at a trust's volume (hundreds a year). The report columns
/// (Tool, Academy, Tier, DecidedAt) repeat a few facts of the JSON so counts and charts read narrow rows
/// (docs/spec/reports.md). A change with a follow-up event writes the event's outbox row
/// (<see cref="RequestEventRows"/>) in the same partition and the same entity-group transaction; the caller then
/// publishes it, and <see cref="TableRequestEventLog"/> reads and moves it on.
/// </summary>
public sealed class TableRequestStore(TableClients tables, TableReferenceCounter counter, TimeProvider? time = null) : IRequestStore
{
    public const string ToolColumn = "Tool";
    public const string AcademyColumn = "Academy";
    public const string TierColumn = "Tier";
    public const string DecidedAtColumn = "DecidedAt";

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
            var response = await Table.AddEntityAsync(ToEntity(request), ct);
            return new Versioned<ToolRequest>(request, response.Headers.ETag!.Value.ToString());
        }, $"request {request.Reference} already exists");

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct) =>
        TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var response = await Table.UpdateEntityAsync(ToEntity(request), new ETag(version), TableUpdateMode.Replace, ct);
            return new Versioned<ToolRequest>(request, response.Headers.ETag!.Value.ToString());
        }, $"request {request.Reference} changed since it was read");

    public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, RequestEvent followUp, CancellationToken ct) =>
        CommitAsync(new(TableTransactionActionType.Add, ToEntity(request)), request, followUp, $"request {request.Reference} already exists", ct);

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, RequestEvent followUp, CancellationToken ct) =>
        CommitAsync(new(TableTransactionActionType.UpdateReplace, ToEntity(request), new ETag(version)), request, followUp,
            $"request {request.Reference} changed since it was read", ct);

    public async Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct)
    {
        var list = await QueryAsync(TableClient.CreateQueryFilter($"RequesterId eq {requesterId}"), ct);
        return [.. list.OrderByDescending(r => r.Value.SubmittedAt)];
    }

    public async Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct)
    {
        var filter = string.Join(" or ", RequestStates.Open.Select(s => TableClient.CreateQueryFilter($"State eq {s.ToString()}")));
        var list = await QueryAsync(filter, ct);
        return [.. list.OrderBy(r => r.Value.SubmittedAt)];
    }

    public Task<string> NextReferenceAsync(int year, CancellationToken ct) => counter.NextAsync(year, ct);

    private async Task<List<Versioned<ToolRequest>>> QueryAsync(string filter, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var list = new List<Versioned<ToolRequest>>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(ToVersioned(e));
        return list;
    }

    /// <summary>The request row and its event row in one transaction (both or neither).</summary>
    private async Task<Versioned<ToolRequest>> CommitAsync(
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
        return await TableErrors.MapConflicts(async () =>
        {
            await tables.EnsureCreatedAsync(ct);
            var response = await Table.SubmitTransactionAsync(actions, ct);
            return new Versioned<ToolRequest>(request, response.Value[0].Headers.ETag!.Value.ToString());
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
