using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Approvals;

/// <summary>
/// Gets a request's card to one person and records how (docs/approvals.md, "Reaching people"): their 1:1 chat (the
/// channel adapter installs the bot for them through Graph when needed); a passing failure is retried with back-off
/// (<see cref="DeliveryBackoff"/>, driven by <see cref="RetryDueAsync"/>); when Teams cannot reach them, the approvals
/// channel if there is one, else an email through the outbox with a link to the card and an administrator alert.
/// </summary>
public sealed class ApprovalDelivery(
    IApprovalCards cards,
    IDeliveryLog log,
    IOutbox outbox,
    IAdminAlerts alerts,
    IRequestStore requests,
    IApproverDirectorySource directories,
    IOptions<ApprovalOptions> options,
    TimeProvider time,
    ILogger<ApprovalDelivery> logger)
{
    public async Task<CardDelivery> DeliverAsync(ToolRequest request, ApproverDirectory directory, string userId, string label,
        CardAudience audience, int earlierAttempts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempts = earlierAttempts + 1;
        bool reached, deferred = false;
        try
        {
            reached = await cards.PostToUserAsync(request, directory, userId, audience, ct);
        }
        catch (DeliveryDeferredException)
        {
            reached = false;
            deferred = true;
        }
        CardDelivery delivery;
        if (reached) delivery = new(request.Reference, userId, label, DeliveryStatus.Chat, attempts, now, DeliveredAt: now);
        else if (deferred && DeliveryBackoff.NextAttempt(attempts, now) is { } next)
        {
            logger.LogWarning("The card of {Reference} could not reach the {Label} yet (attempt {Attempts}); next try {Next:u}", request.Reference, label, attempts, next);
            delivery = new(request.Reference, userId, label, DeliveryStatus.Retrying, attempts, now, NextAttemptAt: next);
        }
        else delivery = await FallBackAsync(request, userId, label, attempts, now, ct);
        await log.SaveAsync(delivery, ct);
        return delivery;
    }

    /// <summary>The retry timer: every delivery whose next attempt is due, while its request still waits for that person.</summary>
    public async Task RetryDueAsync(CancellationToken ct)
    {
        var due = await log.DueAsync(time.GetUtcNow(), ct);
        if (due.Count == 0) return;
        var directory = await directories.GetAsync(ct);
        foreach (var d in due)
        {
            try
            {
                if (await requests.GetAsync(d.Reference, ct) is not { } stored) continue;
                var request = stored.Value;
                var audience = string.Equals(d.UserId, request.RequesterId, StringComparison.OrdinalIgnoreCase) ? CardAudience.Requester : CardAudience.Approver;
                if (audience == CardAudience.Approver && !ApprovalAuthorizer.PendingApproverIds(request, directory).Contains(d.UserId, StringComparer.OrdinalIgnoreCase))
                {
                    // Decided meanwhile (by a deputy, or expired): nothing left to deliver.
                    await log.SaveAsync(d with { NextAttemptAt = null }, ct);
                    continue;
                }
                await DeliverAsync(request, directory, d.UserId, d.Label, audience, d.Attempts, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Retrying the delivery of {Reference} failed: {Error}", d.Reference, e.GetType().Name);
            }
        }
    }

    /// <summary>The request's news by email to a person Teams cannot reach (one email per person and state).</summary>
    public async Task<bool> EmailAsync(ToolRequest request, string userId, CancellationToken ct)
    {
        await outbox.EnsureAsync(OutboxJob.CardByEmailFor($"{request.Reference}-{request.State}", request.Reference, userId, time.GetUtcNow()), ct);
        return true;
    }

    private async Task<CardDelivery> FallBackAsync(ToolRequest request, string userId, string label, int attempts, DateTimeOffset now, CancellationToken ct)
    {
        if (options.Value.ChannelConversationId is { Length: > 0 })
        {
            logger.LogWarning("The {Label} of {Reference} is not reachable in a chat; the approvals channel carries the card", label, request.Reference);
            return new(request.Reference, userId, label, DeliveryStatus.Channel, attempts, now, DeliveredAt: now);
        }
        await outbox.EnsureAsync(OutboxJob.CardByEmailFor(request.Reference, userId, now), ct);
        await alerts.RaiseAsync(new AdminAlert($"unreachable|{request.Reference}|{userId}", "PersonUnreachable", request.Reference,
            $"The {label} could not be reached in Teams for {request.Reference} (app not installable for them and no approvals channel); the card went by email.", now), ct);
        return new(request.Reference, userId, label, DeliveryStatus.Email, attempts, now, DeliveredAt: now);
    }
}
