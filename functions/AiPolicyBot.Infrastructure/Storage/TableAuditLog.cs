using System.Globalization;
using System.Runtime.CompilerServices;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Append-only audit in table {prefix}Audit. PartitionKey = Safe(stream); RowKey = the sequence, 12 digits
/// ("000000000001", so rows sort in order), plus one "head" row holding the last Sequence and Hash. An append writes
/// the new row and moves the head in ONE entity-group transaction, with the head's ETag as the guard: two concurrent
/// appends cannot both win, and a row cannot be written without the head knowing. Rows are only ever inserted.
/// </summary>
public sealed class TableAuditLog(TableClients tables, TimeProvider time) : IAuditLog, IAuditPartitions
{
    public const string HeadRowKey = "head";
    private const int MaxAttempts = 50;
    private TableClient Table => tables.Audit;

    public async Task<AuditEntry> AppendAsync(string stream, AuditEvent auditEvent, CancellationToken ct) =>
        (await AppendCoreAsync(stream, auditEvent, null, ct))!;

    /// <summary>
    /// Reads the whole stream (not just its head) and appends with the head it read as the guard: if anyone appended
    /// meanwhile the head moved, the batch fails, and the stream is read and looked through again.
    /// </summary>
    public Task<AuditEntry?> AppendUnlessAsync(string stream, AuditEvent auditEvent, Func<AuditEntry, bool> alreadyThere, CancellationToken ct) =>
        AppendCoreAsync(stream, auditEvent, alreadyThere, ct);

    private async Task<AuditEntry?> AppendCoreAsync(string stream, AuditEvent auditEvent, Func<AuditEntry, bool>? alreadyThere, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var partition = TableKeys.Safe(stream);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            TableEntity? head;
            if (alreadyThere is null)
            {
                var found = await Table.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: ct);
                head = found.HasValue ? found.Value : null;
            }
            else
            {
                (var rows, head) = await ReadPartitionAsync(partition, ct);
                if (rows.Any(alreadyThere)) return null;
            }
            var lastSequence = head?.GetInt64("Sequence") ?? 0;
            var lastHash = head is null ? AuditChain.Genesis : head.GetString("Hash");
            // Whole milliseconds, so the stored time reads back exactly and the hash still matches.
            var now = time.GetUtcNow();
            var at = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            var entry = AuditChain.Next(stream, lastSequence + 1, at, auditEvent, lastHash);

            var newHead = new TableEntity(partition, HeadRowKey) { ["Stream"] = stream, ["Sequence"] = entry.Sequence, ["Hash"] = entry.Hash };
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.Add, ToEntity(partition, entry)),
                head is not null
                    ? new(TableTransactionActionType.UpdateReplace, newHead, head.ETag)
                    : new(TableTransactionActionType.Add, newHead),
            ];
            try
            {
                await Table.SubmitTransactionAsync(actions, ct);
                return entry;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + attempt * 2), ct);
            }
        }
        throw new ConcurrencyConflictException($"could not append to audit stream after {MaxAttempts} attempts");
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string stream, CancellationToken ct) =>
        (await ReadPartitionAsync(TableKeys.Safe(stream), ct)).Rows;

    public async Task<AuditVerification> VerifyAsync(string stream, CancellationToken ct)
    {
        var (rows, head) = await ReadPartitionAsync(TableKeys.Safe(stream), ct);
        return AuditChain.Verify(stream, rows, head?.GetInt64("Sequence") ?? 0, head is null ? AuditChain.Genesis : head.GetString("Hash") ?? "");
    }

    /// <summary>
    /// One scan of the whole table: rows come back in PartitionKey then RowKey order, and "head" sorts after the
    /// twelve-digit sequences, so each stream arrives complete before the next starts. Memory holds one stream.
    /// </summary>
    public async IAsyncEnumerable<AuditPartition> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        string? partition = null, stream = null;
        var rows = new List<AuditEntry>();
        long headSequence = 0;
        var headHash = AuditChain.Genesis;
        await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            if (e.PartitionKey != partition)
            {
                if (partition is not null) yield return new AuditPartition(stream ?? partition, rows, headSequence, headHash);
                (partition, stream, rows, headSequence, headHash) = (e.PartitionKey, null, [], 0, AuditChain.Genesis);
            }
            if (e.RowKey == HeadRowKey)
            {
                headSequence = e.GetInt64("Sequence") ?? 0;
                headHash = e.GetString("Hash") ?? "";
                stream ??= e.GetString("Stream");
                continue;
            }
            var entry = ToEntry(e);
            stream ??= entry.Stream;
            rows.Add(entry);
        }
        if (partition is not null) yield return new AuditPartition(stream ?? partition, rows, headSequence, headHash);
    }

    /// <summary>A stream's entries in order and its head row (null before the first append), in one partition query.</summary>
    private async Task<(List<AuditEntry> Rows, TableEntity? Head)> ReadPartitionAsync(string partition, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var rows = new List<AuditEntry>();
        TableEntity? head = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (e.RowKey == HeadRowKey) head = e;
            else rows.Add(ToEntry(e));
        }
        return (rows, head);
    }

    private static string RowKey(long sequence) => sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The stored row of an audit entry (also what the scale generator writes, with its head, in batches).</summary>
    public static TableEntity ToEntity(string partition, AuditEntry entry) => new(partition, RowKey(entry.Sequence))
    {
        ["Stream"] = entry.Stream,
        ["At"] = entry.At,
        ["Kind"] = entry.Kind,
        ["ActorId"] = entry.ActorId,
        ["Subject"] = entry.Subject,
        ["Data"] = entry.Data,
        ["PreviousHash"] = entry.PreviousHash,
        ["Hash"] = entry.Hash,
    };

    // The sequence comes from the RowKey (where the row really sits), so a row copied to another position fails its hash.
    private static AuditEntry ToEntry(TableEntity e) => new(
        e.GetString("Stream") ?? "",
        long.TryParse(e.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : -1,
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Kind") ?? "",
        e.GetString("ActorId") ?? "",
        e.GetString("Subject"),
        e.GetString("Data"),
        e.GetString("PreviousHash") ?? "",
        e.GetString("Hash") ?? "");
}
