using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Queues;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// Every timer trigger of the app, one line each over the jobs in AiPolicyBot.Hosting (the local host runs the same
/// jobs with PeriodicJob at their Interval). A timer attribute takes a constant schedule, so each job has its own line.
/// </summary>
public sealed class TimerFunctions(
    ApprovalDeadlinesJob deadlines, DeliveryRetryJob deliveries, RegisterReviewJob review,
    IncidentRemindersJob reminders, AuditVerificationJob audit, TrainingRemindersJob training, RetentionPurgeJob purge,
    MailOutboxRelay mailRelay, RequestEventRelay eventRelay, GraphInboxSyncJob delta, GraphSubscriptionJob subscription)
{
    [Function("ApprovalDeadlines")]
    public Task Deadlines([TimerTrigger(ApprovalDeadlinesJob.Cron)] TimerInfo timer, CancellationToken ct) => deadlines.RunAsync(ct);

    [Function("ApprovalDeliveryRetry")]
    public Task Deliveries([TimerTrigger(DeliveryRetryJob.Cron)] TimerInfo timer, CancellationToken ct) => deliveries.RunAsync(ct);

    [Function("RegisterReview")]
    public Task Review([TimerTrigger(RegisterReviewJob.Cron)] TimerInfo timer, CancellationToken ct) => review.RunAsync(ct);

    [Function("IncidentReminders")]
    public Task Reminders([TimerTrigger(IncidentRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => reminders.RunAsync(ct);

    [Function("AuditVerification")]
    public Task Verify([TimerTrigger(AuditVerificationJob.Cron)] TimerInfo timer, CancellationToken ct) => audit.RunAsync(ct);

    [Function("TrainingReminders")]
    public Task Training([TimerTrigger(TrainingRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => training.RunAsync(ct);

    [Function("RetentionPurge")]
    public Task Purge([TimerTrigger(RetentionPurgeJob.Cron)] TimerInfo timer, CancellationToken ct) => purge.RunAsync(ct);

    [Function("MailOutboxRelay")]
    public Task MailRelay([TimerTrigger(MailOutboxRelay.Schedule)] TimerInfo timer, CancellationToken ct) => mailRelay.RunAsync(ct);

    [Function("RequestEventRelay")]
    public Task EventRelay([TimerTrigger(RequestEventRelay.Schedule)] TimerInfo timer, CancellationToken ct) => eventRelay.RunAsync(ct);

    [Function("InboxDelta")]
    public Task Delta([TimerTrigger(GraphInboxSyncJob.JobSchedule)] TimerInfo timer, CancellationToken ct) => delta.RunAsync(ct);

    [Function("InboxSubscription")]
    public Task Subscription([TimerTrigger(GraphSubscriptionJob.JobSchedule, RunOnStartup = true)] TimerInfo timer, CancellationToken ct) =>
        subscription.RunAsync(ct);
}
