using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Deletes rows past their retention (<see cref="RetentionOptions"/>): triage records, draft requests, idempotency
/// claims, finished request events and decision rows, by the time of their last write. Each delete carries the row's ETag, so a row written
/// again since it was read (a draft someone is completing) stays. Safe to run twice; logs counts, never content.
/// </summary>
public sealed class RetentionPurge(
    TableClients tables, InboxStorage inbox, MailStorage mail, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    public async Task<RetentionCounts> RunAsync(CancellationToken ct)
    {
        await Task.WhenAll(tables.EnsureCreatedAsync(ct), inbox.EnsureCreatedAsync(ct), mail.EnsureCreatedAsync(ct));
        var o = options.Value;
        var counts = new RetentionCounts(
            TriageRecords: await PurgeAsync(inbox.Records, o.TriageRecordDays, null, ct),
            Drafts: await PurgeAsync(tables.Requests, o.DraftDays, "State eq 'Draft'", ct),
            IdempotencyClaims: await PurgeAsync(tables.Idempotency, o.IdempotencyDays, null, ct),
            DecisionRows: await PurgeAsync(mail.Decisions, o.DecisionDays, null, ct),
            // A finished request event has done its work; like a claim it only has to outlive a redelivered copy.
            RequestEvents: await PurgeAsync(tables.Requests, o.IdempotencyDays,
                RequestEventRows.AllFilter + $" and EventState ne '{nameof(RequestEventState.Pending)}'", ct));
        logger.LogInformation("Retention purge deleted {Counts}", counts);
        return counts;
    }

    private async Task<int> PurgeAsync(TableClient table, int days, string? also, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().AddDays(-days);
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {cutoff}") + (also is null ? "" : $" and {also}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Gone already, or written again since it was read: no longer past its retention.
            }
        }

        return deleted;
    }
}

/// <summary>Rows one purge deleted, per kind.</summary>
public sealed record RetentionCounts(int TriageRecords, int Drafts, int IdempotencyClaims, int DecisionRows, int RequestEvents = 0);
