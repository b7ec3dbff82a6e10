using AiPolicyBot.Application.Reports.Triage;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>Mail triaged in the period by category, and how often a person corrected the classifier.</summary>
public sealed class TriagePanel(ITriageReportSource source) : IDashboardPanel
{
    public int Order => 30;

    public async Task<DashboardPanel> BuildAsync(DashboardContext context, CancellationToken ct)
    {
        var categories = Enum.GetValues<TriageCategory>();
        var triaged = new Dictionary<TriageCategory, int>();
        var corrected = new Dictionary<TriageCategory, int>();
        int total = 0, reviewed = 0, corrections = 0;
        await foreach (var r in source.ReadAsync(context.Filter.Period, ct).WithCancellation(ct))
        {
            total++;
            triaged[r.Category] = triaged.GetValueOrDefault(r.Category) + 1;
            if (r.ConfirmedCategory is not { } confirmed) continue;
            reviewed++;
            if (confirmed == r.Category) continue;
            corrections++;
            corrected[r.Category] = corrected.GetValueOrDefault(r.Category) + 1;
        }
        var chart = new DashboardChart("triage-by-category", "Mail triaged by category", "bar",
            categories.Select(DashboardWords.Category).ToList(),
            [
                new DashboardSeries("Triaged", categories.Select(c => (double)triaged.GetValueOrDefault(c)).ToList()),
                new DashboardSeries("Corrected by a person", categories.Select(c => (double)corrected.GetValueOrDefault(c)).ToList()),
            ],
            $"{total} mails triaged in the period; {corrections} of the {reviewed} a person reviewed were corrected.")
        { LabelName = "Category" };
        return new DashboardPanel("triage", "Mailbox triage",
        [
            new("Mails triaged", total),
            new("Reviewed by a person", reviewed),
            new("Correction rate", reviewed == 0 ? null : Math.Round(100.0 * corrections / reviewed, 1), "%"),
        ], [chart])
        {
            Note = context.Filter.Academy is null ? null : "Mail is not recorded by academy: this panel shows all academies.",
        };
    }
}
