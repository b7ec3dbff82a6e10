using AiPolicyBot.Academies;
using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Dashboard;
using AiPolicyBot.Hosting.Http.Reports;
using AiPolicyBot.Hosting.Tab;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Functions;

/// <summary>
/// HTTP triggers of the reports (docs/spec/reports.md) and the dashboard's data: one line each over the host-independent
/// handlers. Anonymous at the
/// Functions level because the tab's people have no function key: the caller gate checks the Reports.Read role or
/// the admin key, as on the register routes.
/// </summary>
public sealed class ReportFunctions(CallerGate gate, ReportCatalogue catalogue, Dashboard dashboard, IOptionsMonitor<AcademyOptions> academies)
{
    [Function("Report")]
    public async Task<IResult> Report([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{name}")] HttpRequest req, string name) =>
        await gate.CheckAsync(req.HttpContext, TabRoles.ReportsRead) ?? ReportEndpoints.Get(name, req.HttpContext, catalogue);

    [Function("TabDashboard")]
    public async Task<IResult> TabDashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/dashboard")] HttpRequest req) =>
        await gate.CheckAsync(req.HttpContext, TabRoles.ReportsRead) ?? await DashboardEndpoints.GetAsync(req.HttpContext, dashboard, catalogue, academies);
}
