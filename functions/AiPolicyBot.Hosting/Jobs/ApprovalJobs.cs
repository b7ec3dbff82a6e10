using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Register;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>Hourly → <see cref="ApprovalDeadlines"/>: expire old requests, remind slow approvers.</summary>
public sealed class ApprovalDeadlinesJob(ApprovalDeadlines deadlines) : ITimerJob
{
    public const string Cron = "0 5 * * * *";
    public string Name => "approval-deadlines";
    public TimeSpan Interval => TimeSpan.FromHours(1);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => deadlines.RunAsync(ct);
}

/// <summary>Every minute → <see cref="ApprovalDelivery.RetryDueAsync"/>: card deliveries whose back-off has passed.</summary>
public sealed class DeliveryRetryJob(ApprovalDelivery delivery) : ITimerJob
{
    public const string Cron = "0 * * * * *";
    public string Name => "approval-delivery-retry";
    public TimeSpan Interval => TimeSpan.FromMinutes(1);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => delivery.RetryDueAsync(ct);
}

/// <summary>Daily at 06:15 (every six hours locally) → <see cref="RegisterReview"/>: review notices and lapses.</summary>
public sealed class RegisterReviewJob(RegisterReview review) : ITimerJob
{
    public const string Cron = "0 15 6 * * *";
    public string Name => "register-review";
    public TimeSpan Interval => TimeSpan.FromHours(6);
    public string Schedule => Cron;
    public Task RunAsync(CancellationToken ct) => review.RunAsync(ct);
}
