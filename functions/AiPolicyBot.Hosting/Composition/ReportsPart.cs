using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Dashboard;
using AiPolicyBot.Application.Reports.Register;
using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Application.Reports.Triage;
using AiPolicyBot.Infrastructure.Reports;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Reports and evidence (docs/spec/reports.md): each report is an <see cref="IReport"/> over a paged storage source,
/// served at /api/reports/{name}. A further report (training, incidents) is one more AddSingleton&lt;IReport, …&gt;
/// in its own part; the route, the auth and the CSV/JSON writers come with it.
/// </summary>
public static class ReportsPart
{
    public static IServiceCollection AddReportsPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IRequestReportSource, TableRequestReportSource>();
        services.AddSingleton<ITriageReportSource, TableTriageReportSource>();
        services.AddSingleton<IReport, RequestsReport>();
        services.AddSingleton<IReport, RegisterReport>();
        services.AddSingleton<IReport, TriageReport>();
        services.AddSingleton<ReportCatalogue>();

        // The dashboard: one IDashboardPanel per panel (training coverage and incidents are added the same way).
        services.AddSingleton<IDashboardPanel, RequestsPanel>();
        services.AddSingleton<IDashboardPanel, ToolsPanel>();
        services.AddSingleton<IDashboardPanel, TriagePanel>();
        services.AddSingleton<Dashboard>();
        return services;
    }
}
