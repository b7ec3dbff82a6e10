using System.Runtime.CompilerServices;
using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Triage;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Triage.Inbox;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Reports;

/// <summary>
/// Triage records of a period from {prefix}TriageRecords, paged. The row's Timestamp (its last write, never before the
/// mail arrived) bounds the start on the server; the arrival time in the record decides exactly. Records are purged
/// after Retention:TriageRecordDays (docs/storage.md), so the partition stays bounded.
/// </summary>
public sealed class TableTriageReportSource(InboxStorage storage) : ITriageReportSource
{
    public async IAsyncEnumerable<TriageRecord> ReadAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var parts = new List<string> { ReportFilters.Compare("PartitionKey", "eq", TableTriageRecordStore.Partition) };
        if (period.StartUtc is { } start) parts.Add(ReportFilters.Compare("Timestamp", "ge", start));
        var filter = ReportFilters.And(parts);
        await foreach (var e in storage.Records.QueryAsync<TableEntity>(filter, ReportFilters.PageSize, cancellationToken: ct))
        {
            var record = JsonColumn.Read<TriageRecord>(e.GetString(JsonColumn.Name), "triage record");
            if (period.Contains(record.ReceivedAt)) yield return record;
        }
    }
}
