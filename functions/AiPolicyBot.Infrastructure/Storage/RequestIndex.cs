using System.Globalization;
using AiPolicyBot.Requests;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Table {prefix}RequestIndex, so "my requests" and "pending approvals" read one partition instead of scanning every
/// request (docs/storage.md, "Request index"):
/// <list type="bullet">
/// <item>PartitionKey "by-" + <see cref="TableKeys.Safe"/>(requester), RowKey = reference, no other data: written
/// once, before the request itself (a requester never changes), so a stored request is always listed; a row whose
/// request was never stored is skipped when read.</item>
/// <item>PartitionKey "open", RowKey = reference: a copy of an open request's row, kept current after every change and
/// deleted when the request becomes final. The request row stays the truth: every action reloads it. A copy is never
/// brought back once deleted, and never overwritten by an older change (column MainVersion: the request row's
/// server timestamp from its ETag), so racing writers cannot leave a final request listed as open.</item>
/// </list>
/// </summary>
public sealed class RequestIndex(TableClients tables)
{
    public const string OpenPartition = "open";
    private const string MainVersionColumn = "MainVersion";
    private const int MaxAttempts = 8;

    private TableClient Table => tables.RequestIndex;

    public static string RequesterPartition(string requesterId) => "by-" + TableKeys.Safe(requesterId);

    /// <summary>Before the request is created: its requester row, and its open copy if it starts open.</summary>
    public async Task AddAsync(TableEntity requestRow, ToolRequest request, CancellationToken ct)
    {
        await Table.UpsertEntityAsync(new TableEntity(RequesterPartition(request.RequesterId), request.Reference), TableUpdateMode.Replace, ct);
        if (request.State.IsOpen()) await Table.UpsertEntityAsync(Copy(requestRow, null), TableUpdateMode.Replace, ct);
    }

    /// <summary>After the request row was updated to <paramref name="etag"/>: refresh or remove its open copy.</summary>
    public async Task ChangedAsync(TableEntity requestRow, ToolRequest request, ETag etag, CancellationToken ct)
    {
        if (!request.State.IsOpen())
        {
            try
            {
                await Table.DeleteEntityAsync(OpenPartition, request.Reference, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
            return;
        }

        var version = MainVersion(etag);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(OpenPartition, request.Reference, select: [MainVersionColumn], cancellationToken: ct);
            // Gone: the request became final (or never was open); a late writer must not bring it back.
            if (!existing.HasValue) return;
            var stored = existing.Value!.GetString(MainVersionColumn);
            if (stored is not null && string.CompareOrdinal(stored, version) >= 0) return; // a newer change got there first
            try
            {
                await Table.UpdateEntityAsync(Copy(requestRow, version), existing.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
            }
        }
    }

    /// <summary>The references this person requested (newest number last).</summary>
    public async Task<IReadOnlyList<string>> ReferencesOfAsync(string requesterId, CancellationToken ct)
    {
        var list = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RequesterPartition(requesterId)}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) list.Add(e.RowKey);
        return list;
    }

    /// <summary>The copies of every open request.</summary>
    public async Task<IReadOnlyList<TableEntity>> OpenRowsAsync(CancellationToken ct)
    {
        var list = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(e);
        return list;
    }

    private static TableEntity Copy(TableEntity requestRow, string? mainVersion)
    {
        var copy = new TableEntity(OpenPartition, requestRow.RowKey);
        foreach (var (key, value) in requestRow)
        {
            if (key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")) copy[key] = value;
        }

        copy[MainVersionColumn] = mainVersion ?? "";
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
