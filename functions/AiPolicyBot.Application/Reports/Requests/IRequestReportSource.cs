namespace AiPolicyBot.Application.Reports.Requests;

/// <summary>
/// Requests submitted in a period, read page by page from storage (the Requests table in Azure): whole requests for
/// the report, or only their <see cref="RequestFacts"/> for the dashboard. Both stream; neither loads a table.
/// </summary>
public interface IRequestReportSource
{
    IAsyncEnumerable<AiPolicyBot.Requests.ToolRequest> ReadAsync(ReportPeriod period, CancellationToken ct);

    IAsyncEnumerable<RequestFacts> ReadFactsAsync(ReportPeriod period, CancellationToken ct);
}
