using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Audit;
using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Hosting.Jobs;

// The scheduled work over the application's use cases, one small class each (a TimerJob says its name, schedule
// and local cadence once). Each is a timer trigger in a *TimerFunctions class and a PeriodicJob in the local host.

/// <summary>Hourly → <see cref="ApprovalDeadlines"/>: expire old requests, remind slow approvers.</summary>
public sealed class ApprovalDeadlinesJob(ApprovalDeadlines deadlines) : TimerJob("approval-deadlines", Cron, TimeSpan.FromHours(1))
{
    public const string Cron = "0 5 * * * *";

    public override Task RunAsync(CancellationToken ct) => deadlines.RunAsync(ct);
}

/// <summary>Every minute → <see cref="ApprovalDelivery.RetryDueAsync"/>: card deliveries whose back-off has passed.</summary>
public sealed class DeliveryRetryJob(ApprovalDelivery delivery) : TimerJob("approval-delivery-retry", Cron, TimeSpan.FromMinutes(1))
{
    public const string Cron = "0 * * * * *";

    public override Task RunAsync(CancellationToken ct) => delivery.RetryDueAsync(ct);
}

/// <summary>Daily at 06:15 (every six hours locally) → <see cref="RegisterReview"/>: review notices and lapses.</summary>
public sealed class RegisterReviewJob(RegisterReview review) : TimerJob("register-review", Cron, TimeSpan.FromHours(6))
{
    public const string Cron = "0 15 6 * * *";

    public override Task RunAsync(CancellationToken ct) => review.RunAsync(ct);
}

/// <summary>Hourly: incident cases still without a decision 24 or 48 hours after opening remind the DPO (docs/spec/incidents.md).</summary>
public sealed class IncidentRemindersJob(IncidentReminders reminders) : TimerJob("incident-reminders", Cron, TimeSpan.FromHours(1))
{
    public const string Cron = "0 5 * * * *";

    public override Task RunAsync(CancellationToken ct) => reminders.RunAsync(ct);
}

/// <summary>Daily at 02:15 UTC: every audit stream verified, moved heads sealed, a break alerted (docs/spec/audit-verification.md).</summary>
public sealed class AuditVerificationJob(AuditVerifier verifier) : TimerJob("audit-verification", Cron, TimeSpan.FromDays(1))
{
    public const string Cron = "0 15 2 * * *";

    public override Task RunAsync(CancellationToken ct) => verifier.RunDailyAsync(ct);
}

/// <summary>Daily at 07:30 UTC: attestations about to expire remind their person in Teams (docs/spec/training-records.md).</summary>
public sealed class TrainingRemindersJob(AiPolicyBot.Application.Training.TrainingReminders reminders) : TimerJob("training-reminders", Cron, TimeSpan.FromDays(1))
{
    public const string Cron = "0 30 7 * * *";

    public override Task RunAsync(CancellationToken ct) => reminders.RunAsync(ct);
}

/// <summary>Daily at 03:30 UTC: rows past their retention are deleted (docs/security.md, "Retention").</summary>
public sealed class RetentionPurgeJob(RetentionPurge purge) : TimerJob("retention-purge", Cron, TimeSpan.FromDays(1))
{
    public const string Cron = "0 30 3 * * *";

    public override Task RunAsync(CancellationToken ct) => purge.RunAsync(ct);
}
