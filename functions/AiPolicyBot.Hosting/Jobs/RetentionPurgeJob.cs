using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>Daily at 03:30 UTC: rows past their retention are deleted (docs/security.md, "Retention").</summary>
public sealed class RetentionPurgeJob(RetentionPurge purge) : ITimerJob
{
    public const string Cron = "0 30 3 * * *";
    public string Name => "retention-purge";
    public TimeSpan Interval => TimeSpan.FromDays(1);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => purge.RunAsync(ct);
}
