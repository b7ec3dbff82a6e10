using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>Requests by route tier and state, how long decisions take (median), and approvals waiting too long.</summary>
public sealed class RequestsPanel : IDashboardPanel
{
    public int Order => 10;

    public async Task<DashboardPanel> BuildAsync(DashboardContext context, CancellationToken ct)
    {
        var stats = await context.RequestsAsync();
        var tiers = Enum.GetValues<Tier>();
        var states = Enum.GetValues<RequestState>().Where(s => tiers.Any(t => stats.ByTierAndState.ContainsKey((t, s)))).ToList();
        var chart = new DashboardChart("requests-by-tier-and-state", "Requests by route and state", "stackedBar",
            tiers.Select(DashboardWords.Tier).ToList(),
            states.Select(s => new DashboardSeries(DashboardWords.State(s), tiers.Select(t => (double)stats.ByTierAndState.GetValueOrDefault((t, s))).ToList())).ToList(),
            $"{stats.Total} requests in the period, by the route the policy gave them and where they are now.")
        { LabelName = "Route" };
        return new DashboardPanel("requests", "Requests for approval",
        [
            new("Requests", stats.Total),
            new("Decided by a person", stats.Decided),
            new("Median days to decide", stats.MedianDaysToDecide, "days"),
            new("Overdue approvals", stats.Overdue),
        ], [chart]);
    }
}
