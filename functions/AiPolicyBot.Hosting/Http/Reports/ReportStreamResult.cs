using AiPolicyBot.Application.Reports;

namespace AiPolicyBot.Hosting.Http.Reports;

/// <summary>
/// Writes a report to the response as its rows arrive from storage (docs/spec/reports.md): nothing is buffered beyond
/// the writer's own buffer. The first row is read before the response starts, so storage that cannot answer is a 503
/// problem rather than a cut-off file; the first row is flushed at once, so a download starts as soon as storage
/// answers its first page.
/// </summary>
public sealed class ReportStreamResult(IReport report, ReportQuery query) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<ReportStreamResult>();
        var rows = report.RowsAsync(report.UsesPeriod ? query.Period : ReportPeriod.All, ct).GetAsyncEnumerator(ct);
        await using var _ = rows;
        bool any;
        try
        {
            any = await rows.MoveNextAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Report {Report} could not start: {Error}", report.Name, e.GetType().Name);
            await ApiProblems.Unavailable("The report's storage did not answer; try again shortly.").ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (query.Format == ReportFormat.Csv)
        {
            response.ContentType = ReportCsv.ContentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{FileName()}\"";
            await ReportCsv.WriteAsync(response.Body, report.Columns, rows, any, ct);
        }
        else
        {
            response.ContentType = "application/json; charset=utf-8";
            await ReportJson.WriteAsync(response.Body, report.Columns, rows, any, ct);
        }
    }

    /// <summary>"requests-2026-01-01-to-2026-03-31.csv": the report and its period, so saved files are told apart.</summary>
    private string FileName()
    {
        var p = report.UsesPeriod ? query.Period : ReportPeriod.All;
        var from = p.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start";
        var to = p.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now";
        return report.UsesPeriod && (p.From is not null || p.To is not null) ? $"{report.Name}-{from}-to-{to}.csv" : $"{report.Name}.csv";
    }
}
