using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// The timers that remind people of something due: register reviews, open incident cases, expiring training. One
/// line each over the jobs in AiPolicyBot.Hosting (the local host runs them with PeriodicJob).
/// </summary>
public sealed class ReminderTimerFunctions(RegisterReviewJob review, IncidentRemindersJob reminders, TrainingRemindersJob training)
{
    [Function("RegisterReview")]
    public Task Review([TimerTrigger(RegisterReviewJob.Cron)] TimerInfo timer, CancellationToken ct) => review.RunAsync(ct);

    [Function("IncidentReminders")]
    public Task Reminders([TimerTrigger(IncidentRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => reminders.RunAsync(ct);

    [Function("TrainingReminders")]
    public Task Training([TimerTrigger(TrainingRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => training.RunAsync(ct);
}
