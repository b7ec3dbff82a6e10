using AiPolicyBot.Application.Reports.Requests;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// One dashboard load: the filter, the time it is computed at, and the request statistics that several panels share,
/// read from storage once (one streamed pass over the narrow request facts of the period).
/// </summary>
public sealed class DashboardContext
{
    private readonly Lazy<Task<RequestStats>> _requests;

    public DashboardContext(DashboardFilter filter, DateTimeOffset now, int overdueAfterDays, IRequestReportSource source, CancellationToken ct)
    {
        Filter = filter;
        Now = now;
        _requests = new(() => RequestStats.ReadAsync(source, filter, now, overdueAfterDays, ct), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DashboardFilter Filter { get; }

    public DateTimeOffset Now { get; }

    public Task<RequestStats> RequestsAsync() => _requests.Value;
}
