using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// The timers that look after stored records: the daily audit verification and the retention purge. One line each
/// over the jobs in AiPolicyBot.Hosting (the local host runs them with PeriodicJob).
/// </summary>
public sealed class RecordsTimerFunctions(AuditVerificationJob audit, RetentionPurgeJob purge)
{
    [Function("AuditVerification")]
    public Task Verify([TimerTrigger(AuditVerificationJob.Cron)] TimerInfo timer, CancellationToken ct) => audit.RunAsync(ct);

    [Function("RetentionPurge")]
    public Task Purge([TimerTrigger(RetentionPurgeJob.Cron)] TimerInfo timer, CancellationToken ct) => purge.RunAsync(ct);
}
