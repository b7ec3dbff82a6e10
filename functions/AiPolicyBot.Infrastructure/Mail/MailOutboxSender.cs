using AiPolicyBot.Application.Mail;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// The mail-outbox queue job (host-independent): load the outbox row, skip it if finished, render the mail
/// (<see cref="OutboxMailComposer"/>), send it through the transport, mark it Sent. A 429 that survives the SDK retries
/// re-schedules the pointer (Retry-After + jitter) instead of burning queue attempts (docs/mail.md); any
/// other failure throws, so the queue retries and finally moves the message to mail-outbox-poison.
/// </summary>
public sealed class MailOutboxSender(
    IOutboxStore outbox,
    OutboxMailComposer composer,
    IMailTransport transport,
    OutboxQueue queue,
    MailOutboxOptions settings,
    ILogger<MailOutboxSender> logger,
    Random? random = null)
{
    private static readonly TimeSpan ThrottleFallback = TimeSpan.FromSeconds(30);

    private readonly Random _random = random ?? Random.Shared;

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var pointer = OutboxPointer.Parse(message);
        var current = await outbox.GetAsync(pointer.Reference, pointer.JobId, ct);
        if (current is null)
        {
            logger.LogWarning("Mail job {JobId} has no outbox row; nothing to send", pointer.JobId);
            return;
        }
        if (current.Value.IsFinished) return; // a replayed or relayed message: already done

        var mailMessage = await composer.ComposeAsync(current.Value.Job, ct);
        var tracker = new RowDraftTracker(outbox, current);
        MailSendOutcome outcome;
        try
        {
            outcome = await transport.SendAsync(mailMessage, tracker, ct);
        }
        catch (Exception e) when (GraphRetry.ThrottledFor(e, ThrottleFallback) is { } wait && pointer.Attempt < settings.MaxReschedules)
        {
            var delay = wait + TimeSpan.FromSeconds(_random.Next(0, settings.RescheduleJitterMaxSeconds + 1));
            await queue.EnqueueAsync(pointer with { Attempt = pointer.Attempt + 1 }, delay, ct);
            logger.LogWarning("Mail job {JobId} throttled; re-scheduled in {Delay}", pointer.JobId, delay);
            return;
        }
        await MarkSentAsync(tracker.Current, ct);
        logger.LogInformation("Mail job {JobId}: {Outcome}", pointer.JobId, outcome);
    }

    /// <summary>Sent is final; if another worker moved the row meanwhile, accept its Sent and retry anything else.</summary>
    private async Task MarkSentAsync(Versioned<OutboxRecord> current, CancellationToken ct)
    {
        try
        {
            await outbox.MarkSentAsync(current, ct);
        }
        catch (ConcurrencyConflictException)
        {
            var fresh = await outbox.GetAsync(current.Value.Job.Reference, current.Value.Job.JobId, ct);
            if (fresh is null || fresh.Value.IsFinished) return;
            await outbox.MarkSentAsync(fresh, ct);
        }
    }

    private sealed class RowDraftTracker(IOutboxStore outbox, Versioned<OutboxRecord> start) : IDraftTracker
    {
        public Versioned<OutboxRecord> Current { get; private set; } = start;

        public string? DraftId => Current.Value.DraftId;

        public async Task SaveDraftIdAsync(string draftId, CancellationToken ct) =>
            Current = await outbox.MarkDraftedAsync(Current, draftId, ct);
    }
}
