using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The daily retention purge: one line over AiPolicyBot.Hosting (the local host runs it with PeriodicJob).</summary>
public sealed class RetentionFunctions(RetentionPurgeJob purge)
{
    [Function("RetentionPurge")]
    public Task Purge([TimerTrigger(RetentionPurgeJob.Cron)] TimerInfo timer, CancellationToken ct) => purge.RunAsync(ct);
}
