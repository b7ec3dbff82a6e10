using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The incident reminders, the daily audit verification and the training reminders: one line each over AiPolicyBot.Hosting.</summary>
public sealed class EvidenceFunctions(IncidentRemindersJob reminders, AuditVerificationJob audit, TrainingRemindersJob training)
{
    [Function("IncidentReminders")]
    public Task Reminders([TimerTrigger(IncidentRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => reminders.RunAsync(ct);

    [Function("AuditVerification")]
    public Task Verify([TimerTrigger(AuditVerificationJob.Cron)] TimerInfo timer, CancellationToken ct) => audit.RunAsync(ct);

    [Function("TrainingReminders")]
    public Task Training([TimerTrigger(TrainingRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => training.RunAsync(ct);
}
