using AiPolicyBot.Incidents;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// Incident cases opened in the period (docs/spec/incidents.md): open ones, those past the 72 hours without a
/// decision, the median hours to the DPO's decision, and cases by source and state.
/// </summary>
public sealed class IncidentsPanel(IIncidentStore store) : IDashboardPanel
{
    public int Order => 50;

    public async Task<DashboardPanel> BuildAsync(DashboardContext context, CancellationToken ct)
    {
        var sources = Enum.GetValues<IncidentSource>();
        var states = Enum.GetValues<IncidentState>();
        var byCell = new Dictionary<(IncidentSource, IncidentState), int>();
        var hours = new List<double>();
        int open = 0, overdue = 0, reportable = 0;
        await foreach (var c in store.ListAsync(ct).WithCancellation(ct))
        {
            if (!context.Filter.Period.Contains(c.OpenedAt)) continue;
            if (context.Filter.Academy is { } academy && !string.Equals(c.AcademyId, academy, StringComparison.Ordinal)) continue;
            byCell[(c.Source, c.State)] = byCell.GetValueOrDefault((c.Source, c.State)) + 1;
            if (c.IsOpen) open++;
            if (c.State == IncidentState.Open && context.Now > c.DueAt) overdue++;
            if (c.HoursToDecision is { } h) hours.Add(h);
            if (c.Decision?.ReportableToIco == true) reportable++;
        }
        var chart = new DashboardChart("incidents-by-source", "Incident cases by source and state", "stackedBar",
            sources.Select(Source).ToList(),
            states.Select(s => new DashboardSeries(State(s), sources.Select(src => (double)byCell.GetValueOrDefault((src, s))).ToList())).ToList(),
            $"{byCell.Values.Sum()} cases opened in the period; {reportable} were reportable to the ICO.")
        { LabelName = "Source" };
        return new DashboardPanel("incidents", "Incident cases",
        [
            new("Open cases", open),
            new("Past 72 hours without a decision", overdue),
            new("Median hours to decision", Median.Of(hours), "hours"),
        ], [chart]);
    }

    public static string Source(IncidentSource s) => s switch
    {
        IncidentSource.RequestDeclaration => "Declared on a request (R0)",
        IncidentSource.BreachMail => "Breach reported by email",
        _ => "Concern raised in chat",
    };

    public static string State(IncidentState s) => s switch
    {
        IncidentState.Open => "Waiting for the DPO",
        IncidentState.Decided => "Decided",
        _ => "Closed",
    };
}
