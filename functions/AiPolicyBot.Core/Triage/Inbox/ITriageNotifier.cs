
namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// Teams side of triage (implemented in the Teams project): the urgent breach card to the DPO and the
/// triage card in the IA team channel. Called at most once per mail (guarded by an idempotency claim).
/// </summary>
public interface ITriageNotifier
{
    Task NotifyAsync(TriageRecord record, TriageActionPlan plan, CancellationToken ct);
}

/// <summary>No Teams: nothing to post (tests of the mail side, hosts without the Teams part).</summary>
public sealed class NoTriageNotifier : ITriageNotifier
{
    public Task NotifyAsync(TriageRecord record, TriageActionPlan plan, CancellationToken ct) => Task.CompletedTask;
}
