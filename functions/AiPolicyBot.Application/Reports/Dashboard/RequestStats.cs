using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// Counts over the requests of a period, gathered in one pass as the facts stream in: by route tier and state, the
/// days each decision took, the approvals waiting too long, and how often each tool was requested.
/// </summary>
public sealed class RequestStats
{
    public Dictionary<(Tier Tier, RequestState State), int> ByTierAndState { get; } = [];
    public List<double> DaysToDecide { get; } = [];
    public int Total { get; private set; }
    public int Overdue { get; private set; }

    /// <summary>Requests per tool, keyed by the normalised name; the name as first written is kept for display.</summary>
    public Dictionary<string, (string Name, int Count)> ByTool { get; } = new(StringComparer.Ordinal);

    public static async Task<RequestStats> ReadAsync(IRequestReportSource source, DashboardFilter filter, DateTimeOffset now,
        int overdueAfterDays, CancellationToken ct)
    {
        var stats = new RequestStats();
        await foreach (var f in source.ReadFactsAsync(filter.Period, ct).WithCancellation(ct))
        {
            if (filter.Academy is { } academy && !string.Equals(f.AcademyId, academy, StringComparison.Ordinal)) continue;
            stats.Add(f, now, overdueAfterDays);
        }
        return stats;
    }

    public void Add(RequestFacts f, DateTimeOffset now, int overdueAfterDays)
    {
        Total++;
        ByTierAndState[(f.Tier, f.State)] = ByTierAndState.GetValueOrDefault((f.Tier, f.State)) + 1;
        if (RequestFacts.DaysToDecide(f.SubmittedAt, f.DecidedAt) is { } days) DaysToDecide.Add(days);
        // Waiting for an approver (or the requester's answer) longer than the reminder interval.
        if (f.State is RequestState.Pending or RequestState.MoreInformationRequested && now - f.SubmittedAt > TimeSpan.FromDays(overdueAfterDays))
            Overdue++;
        var key = ToolNames.Normalise(f.ToolName);
        if (key.Length == 0) return;
        ByTool[key] = ByTool.TryGetValue(key, out var seen) ? (seen.Name, seen.Count + 1) : (f.ToolName.Trim(), 1);
    }

    public int Decided => DaysToDecide.Count;

    /// <summary>The median of the days to decide, or null when nothing was decided.</summary>
    public double? MedianDaysToDecide => Median.Of(DaysToDecide);
}
