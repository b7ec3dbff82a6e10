using AiPolicyBot.Teams.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Hosting.Inbox;

/// <summary>
/// Resolves the Teams notifier on first use, not when the inbox jobs are built: the Teams connector needs the host
/// (environment, bot options), and building the job list must not depend on the Teams channel being configured.
/// </summary>
public sealed class DeferredTriageNotifier(IServiceProvider services) : ITriageNotifier
{
    private readonly Lazy<ITriageNotifier> _inner = new(services.GetRequiredService<TeamsTriageNotifier>);

    public Task NotifyAsync(TriageRecord record, TriageActionPlan plan, CancellationToken ct) => _inner.Value.NotifyAsync(record, plan, ct);
}
