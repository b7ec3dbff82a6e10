using AiPolicyBot.Application.Reports;
using AiPolicyBot.Hosting.Tab;

namespace AiPolicyBot.Hosting.Http.Reports;

/// <summary>
/// GET /api/reports/{name} (docs/spec/reports.md): every registered <see cref="IReport"/>, for callers with the
/// Reports.Read app role (the tab's Entra sign-in) or the admin key. A name that no report has is 404; bad
/// <c>from</c>/<c>to</c>/<c>format</c> is a 400 naming the parameter.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reports").RequireCaller(TabRoles.ReportsRead).MapGet("/{name}", (string name, HttpContext context, ReportCatalogue catalogue) => Get(name, context, catalogue));
        return app;
    }

    public static IResult Get(string name, HttpContext context, ReportCatalogue catalogue)
    {
        if (catalogue.Find(name) is not { } report)
            return TypedResults.Problem(title: "No such report", detail: "Reports: " + string.Join(", ", catalogue.Names.Order(StringComparer.Ordinal)),
                statusCode: StatusCodes.Status404NotFound);
        var query = ReportQuery.Bind(context.Request);
        return query.Errors.Count > 0 ? ApiProblems.Invalid(query.Errors) : new ReportStreamResult(report, query);
    }
}
