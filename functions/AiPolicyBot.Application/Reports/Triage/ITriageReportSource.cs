using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Application.Reports.Triage;

/// <summary>Triage records of mail received in a period, streamed page by page from storage (the TriageRecords table).</summary>
public interface ITriageReportSource
{
    IAsyncEnumerable<TriageRecord> ReadAsync(ReportPeriod period, CancellationToken ct);
}
