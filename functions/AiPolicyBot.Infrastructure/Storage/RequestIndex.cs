using System.Globalization;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// What "my requests" and "pending approvals" read instead of every request (docs/storage.md, "Request index"):
/// <list type="bullet">
/// <item>Table {prefix}RequestIndex, PartitionKey and RowKey both "by-" + <see cref="TableKeys.Safe"/>(requester): the
/// references this person requested, as a JSON array (column Json, spread if long). One point read lists them. (The
/// RowKey repeats the person because Azurite finds a row by its RowKey first: a RowKey every person's row shared
/// would make each read walk all of them.)
/// A reference is added (ETag-guarded read-modify-write) before the request itself is stored, so a stored request is
/// always listed; one whose request was never stored is skipped when read.</item>
/// <item>Table {prefix}OpenRequests, PartitionKey "open", RowKey = reference: a copy of an open request's row (with
/// <see cref="PendingRolesColumn"/> and <see cref="RequesterNameColumn"/> beside its other columns, so a list of open
/// requests reads a few narrow columns and no JSON), kept current
/// after every change and deleted when the request becomes final (a change committed with an event: by the event's
/// follow-up, <see cref="RequestIndexFollowUp"/>, so "pending approvals" may show a decision a few seconds late). The request
/// row stays the truth: every action reloads it. A copy is never brought back once deleted, and never overwritten by
/// an older change (column MainVersion: the request row's server timestamp from its ETag), so racing writers cannot
/// leave a final request listed as open. The copies have a table of their own, so listing them reads them only, on
/// any store (Azurite evaluates a query against every row of the table).</item>
/// </list>
/// </summary>
public sealed class RequestIndex(TableClients tables)
{
    public const string OpenPartition = "open";
    public const string PendingRolesColumn = "PendingRoles";
    public const string RequesterNameColumn = "RequesterName";
    private const string MainVersionColumn = "MainVersion";
    private const int MaxAttempts = 8;

    private TableClient People => tables.RequestIndex;
    private TableClient Open => tables.OpenRequests;

    public static string RequesterPartition(string requesterId) => "by-" + TableKeys.Safe(requesterId);

    /// <summary>Before the request is created: its reference in the requester's list, and its open copy if it starts open.</summary>
    public async Task AddAsync(TableEntity requestRow, ToolRequest request, CancellationToken ct)
    {
        await ListAsync(request.RequesterId, [request.Reference], ct);
        if (request.State.IsOpen()) await AddOpenAsync(requestRow, request, ct);
    }

    /// <summary>The open copy of a request row (before it is stored, or when indexing requests stored earlier).</summary>
    public Task AddOpenAsync(TableEntity requestRow, ToolRequest request, CancellationToken ct) =>
        Open.UpsertEntityAsync(Copy(requestRow, request, null), TableUpdateMode.Replace, ct);

    /// <summary>Adds <paramref name="references"/> to the person's list (those already there are kept once).</summary>
    public async Task ListAsync(string requesterId, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var partition = RequesterPartition(requesterId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var found = await People.GetEntityIfExistsAsync<TableEntity>(partition, partition, cancellationToken: ct);
            var listed = found.HasValue ? Read(found.Value!) : [];
            var merged = listed.Union(references, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (merged.Count == listed.Count) return;
            var row = new TableEntity(partition, partition);
            JsonColumn.WriteSpread(row, merged, $"the request list of {partition}");
            try
            {
                if (found.HasValue) await People.UpdateEntityAsync(row, found.Value!.ETag, TableUpdateMode.Replace, ct);
                else await People.AddEntityAsync(row, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another reference got there first: read again, after a moment so racing writers spread out.
                await Task.Delay(Random.Shared.Next(1, 5 + attempt * 4), ct);
            }
        }
        throw new ConcurrencyConflictException($"the request list of {partition} kept changing");
    }

    /// <summary>After the request row was updated to <paramref name="etag"/>: refresh or remove its open copy.</summary>
    public async Task ChangedAsync(TableEntity requestRow, ToolRequest request, ETag etag, CancellationToken ct)
    {
        if (!request.State.IsOpen())
        {
            try
            {
                await Open.DeleteEntityAsync(OpenPartition, request.Reference, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
            return;
        }

        var version = MainVersion(etag);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await Open.GetEntityIfExistsAsync<TableEntity>(OpenPartition, request.Reference, select: [MainVersionColumn], cancellationToken: ct);
            // Gone: the request became final (or never was open); a late writer must not bring it back.
            if (!existing.HasValue) return;
            var stored = existing.Value!.GetString(MainVersionColumn);
            if (stored is not null && string.CompareOrdinal(stored, version) >= 0) return; // a newer change got there first
            try
            {
                await Open.UpdateEntityAsync(Copy(requestRow, request, version), existing.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
            }
        }
    }

    /// <summary>The references this person requested, in reference order (one point read).</summary>
    public async Task<IReadOnlyList<string>> ReferencesOfAsync(string requesterId, CancellationToken ct)
    {
        var key = RequesterPartition(requesterId);
        var found = await People.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: ct);
        return found.HasValue ? Read(found.Value!) : [];
    }

    /// <summary>The copies of every open request; with <paramref name="columns"/>, only those columns of each.</summary>
    public async Task<IReadOnlyList<TableEntity>> OpenRowsAsync(IEnumerable<string>? columns, CancellationToken ct)
    {
        var list = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}");
        await foreach (var e in Open.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: ct)) list.Add(e);
        return list;
    }

    private static List<string> Read(TableEntity row) => JsonColumn.ReadSpread<List<string>>(row, $"the request list of {row.PartitionKey}");

    private static TableEntity Copy(TableEntity requestRow, ToolRequest request, string? mainVersion)
    {
        var copy = new TableEntity(OpenPartition, requestRow.RowKey);
        foreach (var (key, value) in requestRow)
        {
            if (key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")) copy[key] = value;
        }

        copy[MainVersionColumn] = mainVersion ?? "";
        copy[PendingRolesColumn] = string.Join(',', request.PendingRoles);
        copy[RequesterNameColumn] = request.RequesterName;
        return copy;
    }

    /// <summary>
    /// A sortable text of the request row's server timestamp, which Table Storage puts in every ETag
    /// (W/"datetime'2026-12-07T14%3A30%3A00.1234567Z'"): later writes of one row always carry later timestamps.
    /// </summary>
    public static string MainVersion(ETag etag)
    {
        var text = etag.ToString();
        var start = text.IndexOf("datetime'", StringComparison.Ordinal);
        if (start >= 0)
        {
            start += "datetime'".Length;
            var end = text.IndexOf('\'', start);
            if (end > start && DateTimeOffset.TryParse(Uri.UnescapeDataString(text[start..end]), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("The request row's ETag carries no timestamp; the open-request index cannot order changes.");
    }
}
