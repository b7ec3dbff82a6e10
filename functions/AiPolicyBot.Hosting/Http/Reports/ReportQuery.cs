using System.Globalization;
using AiPolicyBot.Application.Reports;
using AiPolicyBot.Common;

namespace AiPolicyBot.Hosting.Http.Reports;

/// <summary>CSV (UTF-8 with a byte order mark, RFC 4180) or a streamed JSON array (docs/spec/reports.md).</summary>
public enum ReportFormat { Json, Csv }

/// <summary>
/// The query of GET /api/reports/{name}: <c>from</c> and <c>to</c> as ISO dates (yyyy-MM-dd, both inclusive, either
/// optional) and <c>format</c> (<c>json</c>, the default, or <c>csv</c>). Each bad parameter is one error naming it.
/// </summary>
public sealed record ReportQuery(ReportPeriod Period, ReportFormat Format, IReadOnlyList<FieldError> Errors)
{
    public static ReportQuery Bind(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var period = BindPeriod(request, errors);
        var format = ReportFormat.Json;
        switch (request.Query["format"].ToString())
        {
            case "" or "json": break;
            case "csv": format = ReportFormat.Csv; break;
            default: errors.Add(new FieldError("format", "must be csv or json")); break;
        }
        return new(period, format, errors);
    }

    /// <summary><c>from</c> and <c>to</c> (also the dashboard's filter); each bad one adds an error naming it.</summary>
    public static ReportPeriod BindPeriod(HttpRequest request, List<FieldError> errors)
    {
        var from = Date(request, "from", errors);
        var to = Date(request, "to", errors);
        if (from is { } f && to is { } t && f > t) errors.Add(new FieldError("to", "must be on or after from"));
        return new ReportPeriod(from, to);
    }

    private static DateOnly? Date(HttpRequest request, string name, List<FieldError> errors)
    {
        var values = request.Query[name];
        if (values.Count == 0 || values.ToString().Length == 0) return null;
        if (values.Count == 1 && DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(new FieldError(name, "must be one ISO date, yyyy-MM-dd"));
        return null;
    }
}
