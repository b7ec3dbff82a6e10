using AiPolicyBot.Application.Audit;
using AiPolicyBot.Application.Incidents;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>Hourly: incident cases still without a decision 24 or 48 hours after opening remind the DPO (docs/spec/incidents.md).</summary>
public sealed class IncidentRemindersJob(IncidentReminders reminders) : ITimerJob
{
    public const string Cron = "0 5 * * * *";
    public string Name => "incident-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(1);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => reminders.RunAsync(ct);
}

/// <summary>Daily at 02:15 UTC: every audit stream verified, moved heads sealed, a break alerted (docs/spec/audit-verification.md).</summary>
public sealed class AuditVerificationJob(AuditVerifier verifier) : ITimerJob
{
    public const string Cron = "0 15 2 * * *";
    public string Name => "audit-verification";
    public TimeSpan Interval => TimeSpan.FromDays(1);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => verifier.RunDailyAsync(ct);
}

/// <summary>Daily at 07:30 UTC: attestations about to expire remind their person in Teams (docs/spec/training-records.md).</summary>
public sealed class TrainingRemindersJob(AiPolicyBot.Application.Training.TrainingReminders reminders) : ITimerJob
{
    public const string Cron = "0 30 7 * * *";
    public string Name => "training-reminders";
    public TimeSpan Interval => TimeSpan.FromDays(1);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => reminders.RunAsync(ct);
}
