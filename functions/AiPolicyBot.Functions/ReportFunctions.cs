using AiPolicyBot.Application.Reports;
using AiPolicyBot.Hosting.Http.Reports;
using AiPolicyBot.Hosting.Tab;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// HTTP trigger of the reports (docs/spec/reports.md): one line over the host-independent handler. Anonymous at the
/// Functions level because the tab's people have no function key: the caller gate checks the Reports.Read role or
/// the admin key, as on the register routes.
/// </summary>
public sealed class ReportFunctions(CallerGate gate, ReportCatalogue catalogue)
{
    [Function("Report")]
    public async Task<IResult> Report([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{name}")] HttpRequest req, string name) =>
        await gate.CheckAsync(req.HttpContext, TabRoles.ReportsRead) ?? ReportEndpoints.Get(name, req.HttpContext, catalogue);
}
