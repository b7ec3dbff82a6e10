using AiPolicyBot.Academies;
using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Application.Reports.Training;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// Training coverage by academy (docs/spec/training-records.md): the training report's people and tools as current,
/// expired or missing, each person counted at the academy of their approved requests ("unknown" when they have
/// none). A snapshot of today, so the period does not apply.
/// </summary>
public sealed class TrainingPanel(TrainingReport report, IRequestReportSource requests, IOptionsMonitor<AcademyOptions> academies) : IDashboardPanel
{
    public int Order => 40;

    public async Task<DashboardPanel> BuildAsync(DashboardContext context, CancellationToken ct)
    {
        var academyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var r in requests.ReadAsync(ReportPeriod.All, ct).WithCancellation(ct))
            if (r.State == RequestState.Approved) academyOf[r.RequesterId] = r.Intake.AcademyId;

        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        await foreach (var row in report.ReadAsync(ReportPeriod.All, ct).WithCancellation(ct))
        {
            var academy = academyOf.GetValueOrDefault(row.UserId) ?? "unknown";
            if (context.Filter.Academy is { } only && !string.Equals(academy, only, StringComparison.Ordinal)) continue;
            if (!counts.TryGetValue(academy, out var c)) counts[academy] = c = new int[3];
            c[(int)row.State]++;
        }
        var labels = counts.Keys.ToList();
        var names = academies.CurrentValue;
        var states = Enum.GetValues<TrainingState>();
        var chart = new DashboardChart("training-by-academy", "Training by academy", "stackedBar",
            labels.Select(a => a == "unknown" ? "Not known" : names.NameOf(a)).ToList(),
            states.Select(s => new DashboardSeries(Words(s), labels.Select(a => (double)counts[a][(int)s]).ToList())).ToList(),
            "People and tools that need training: current attestations, expired ones, and people with access but no attestation.")
        { LabelName = "Academy" };
        int Total(TrainingState s) => counts.Values.Sum(c => c[(int)s]);
        var all = states.Sum(Total);
        return new DashboardPanel("training", "Training coverage",
        [
            new("Trained (current)", all == 0 ? null : Math.Round(100.0 * Total(TrainingState.Current) / all, 1), "%"),
            new("Expired", Total(TrainingState.Expired)),
            new("Access but not trained", Total(TrainingState.Missing)),
        ], [chart])
        {
            Note = context.Filter.Period.From is null && context.Filter.Period.To is null ? null : "Training is shown as it stands today: the dates do not apply.",
        };
    }

    public static string Words(TrainingState s) => s switch
    {
        TrainingState.Current => "Current",
        TrainingState.Expired => "Expired",
        _ => "Missing",
    };
}
