using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Approvals;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// The evidence dashboard (docs/reports-dashboard.md): every registered <see cref="IDashboardPanel"/> for one filter,
/// built concurrently over one shared read of the period's requests. "Overdue" means waiting longer than the
/// approvers' reminder interval (Approval:ReminderDays).
/// </summary>
public sealed class Dashboard(IEnumerable<IDashboardPanel> panels, IRequestReportSource requests, IOptions<ApprovalOptions> approval, TimeProvider time)
{
    private readonly IReadOnlyList<IDashboardPanel> _panels = panels.OrderBy(p => p.Order).ToList();

    public async Task<IReadOnlyList<DashboardPanel>> BuildAsync(DashboardFilter filter, CancellationToken ct)
    {
        var context = new DashboardContext(filter, time.GetUtcNow(), approval.Value.ReminderDays, requests, ct);
        return await Task.WhenAll(_panels.Select(p => p.BuildAsync(context, ct)));
    }
}
