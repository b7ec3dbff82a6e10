using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The incident reminders and the daily audit verification: one line each over AiPolicyBot.Hosting.</summary>
public sealed class EvidenceFunctions(IncidentRemindersJob reminders, AuditVerificationJob audit)
{
    [Function("IncidentReminders")]
    public Task Reminders([TimerTrigger(IncidentRemindersJob.Cron)] TimerInfo timer, CancellationToken ct) => reminders.RunAsync(ct);

    [Function("AuditVerification")]
    public Task Verify([TimerTrigger(AuditVerificationJob.Cron)] TimerInfo timer, CancellationToken ct) => audit.RunAsync(ct);
}
