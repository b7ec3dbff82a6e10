using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>Approval timers: one line each over AiPolicyBot.Hosting (the local host runs the same jobs with PeriodicJob).</summary>
public sealed class ApprovalFunctions(ApprovalDeadlinesJob deadlines, RegisterReviewJob review, DeliveryRetryJob deliveries)
{
    [Function("ApprovalDeadlines")]
    public Task Deadlines([TimerTrigger(ApprovalDeadlinesJob.Cron)] TimerInfo timer, CancellationToken ct) => deadlines.RunAsync(ct);

    [Function("ApprovalDeliveryRetry")]
    public Task Deliveries([TimerTrigger(DeliveryRetryJob.Cron)] TimerInfo timer, CancellationToken ct) => deliveries.RunAsync(ct);

    [Function("RegisterReview")]
    public Task Review([TimerTrigger(RegisterReviewJob.Cron)] TimerInfo timer, CancellationToken ct) => review.RunAsync(ct);
}
