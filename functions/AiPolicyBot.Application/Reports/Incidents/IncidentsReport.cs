using System.Text.Json;
using AiPolicyBot.Incidents;

namespace AiPolicyBot.Application.Reports.Incidents;

/// <summary>
/// /api/reports/incidents (docs/spec/incidents.md): one row per case opened in the period: when, from where, how
/// severe, its state, the DPO's decision, whether it was reportable to the ICO and the hours it took to decide. No
/// facts, reasons or actions (free text stays in the case).
/// </summary>
public sealed class IncidentsReport(IIncidentStore store) : Report<IncidentCase>
{
    public override string Name => "incidents";

    protected override IReadOnlyList<ReportColumn<IncidentCase>> Definition { get; } =
    [
        new("case", c => c.Id),
        new("opened", c => c.OpenedAt),
        new("source", c => Wire(c.Source)),
        new("severity", c => Wire(c.Severity)),
        new("state", c => Wire(c.State)),
        new("academy", c => c.AcademyId),
        new("dpoDecision", c => c.Decision is null ? "pending" : "decided"),
        new("reportableToIco", c => c.Decision?.ReportableToIco),
        new("decidedOn", c => c.Decision?.DecidedAt),
        new("hoursToDecision", c => c.HoursToDecision),
        new("closedOn", c => c.ClosedAt),
    ];

    public override async IAsyncEnumerable<IncidentCase> ReadAsync(ReportPeriod period,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var c in store.ListAsync(ct))
            if (period.Contains(c.OpenedAt)) yield return c;
    }

    private static string Wire<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
