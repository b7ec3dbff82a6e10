using System.Text.Json;
using AiPolicyBot.Academies;
using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Dashboard;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Http.Reports;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// GET /api/tab/dashboard?from=&amp;to=&amp;academy= (docs/reports-dashboard.md): the dashboard page's data, every panel
/// with its figures and charts, for the Reports.Read role (or the admin key). Bad dates or an unknown academy: 400
/// naming the parameter.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDashboardRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tab").RequireCaller(TabRoles.ReportsRead)
            .MapGet("/dashboard", (HttpContext context, Dashboard dashboard, ReportCatalogue reports, IOptionsMonitor<AcademyOptions> academies) =>
                GetAsync(context, dashboard, reports, academies));
        return app;
    }

    public static async Task<IResult> GetAsync(HttpContext context, Dashboard dashboard, ReportCatalogue reports, IOptionsMonitor<AcademyOptions> academies)
    {
        var errors = new List<FieldError>();
        var period = ReportQuery.BindPeriod(context.Request, errors);
        var a = academies.CurrentValue;
        var academy = context.Request.Query["academy"].ToString() is { Length: > 0 } id ? id : null;
        if (academy is not null && academy != "trust" && !a.Items.ContainsKey(academy))
            errors.Add(new FieldError("academy", "must be an academy id from configuration, or trust"));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var panels = await dashboard.BuildAsync(new DashboardFilter(period, academy), context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new
        {
            from = period.From,
            to = period.To,
            academy,
            academies = a.Items.OrderBy(kv => kv.Value.Name, StringComparer.OrdinalIgnoreCase).Select(kv => new { id = kv.Key, name = a.NameOf(kv.Key) }),
            // The downloads the page offers: every registered report.
            reports = reports.Names.Order(StringComparer.Ordinal),
            panels,
        }, Json);
    }
}
