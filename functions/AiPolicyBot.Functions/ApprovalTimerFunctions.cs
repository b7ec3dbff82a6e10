using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// The approval timers, one line each over the jobs in AiPolicyBot.Hosting (the local host runs the same jobs with
/// PeriodicJob at their Interval). A timer attribute takes a constant schedule, so each job has its own line.
/// </summary>
public sealed class ApprovalTimerFunctions(ApprovalDeadlinesJob deadlines, DeliveryRetryJob deliveries)
{
    [Function("ApprovalDeadlines")]
    public Task Deadlines([TimerTrigger(ApprovalDeadlinesJob.Cron)] TimerInfo timer, CancellationToken ct) => deadlines.RunAsync(ct);

    [Function("ApprovalDeliveryRetry")]
    public Task Deliveries([TimerTrigger(DeliveryRetryJob.Cron)] TimerInfo timer, CancellationToken ct) => deliveries.RunAsync(ct);
}
