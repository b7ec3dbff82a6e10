using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// The mail-outbox-poison queue job: a mail job failed every retry. Marks its row Failed (unless it was Sent after
/// all) and raises an alert to the IA admins. Idempotent: a second run finds the row Failed and the alert recorded.
/// </summary>
public sealed class MailPoisonHandler(IOutboxStore outbox, IAdminAlerts alerts, TimeProvider time, ILogger<MailPoisonHandler> logger)
{
    public async Task HandleAsync(string message, CancellationToken ct)
    {
        OutboxPointer pointer;
        try
        {
            pointer = OutboxPointer.Parse(message);
        }
        catch (FormatException)
        {
            await alerts.RaiseAsync(new AdminAlert(PoisonAlertIds.Unreadable("mail-poison", message), "MailPoisoned", null,
                "An unreadable message reached mail-outbox-poison; no email could be identified.", time.GetUtcNow()), ct);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = await outbox.GetAsync(pointer.Reference, pointer.JobId, ct);
            if (current is null)
            {
                logger.LogWarning("Poisoned mail job {JobId} has no outbox row", pointer.JobId);
                break;
            }
            if (current.Value.State == OutboxState.Sent) return; // sent after all: nothing to alert
            if (current.Value.State == OutboxState.Failed) break;
            try
            {
                await outbox.MarkFailedAsync(current, "Failed every retry (moved to mail-outbox-poison).", ct);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // moved meanwhile: read again
            }
        }

        await alerts.RaiseAsync(new AdminAlert($"mail-poison|{pointer.JobId}", "MailPoisoned", pointer.Reference,
            $"The email for {pointer.Reference} (job {pointer.JobId}) could not be sent after every retry. " +
            "Check the IA mailbox (Drafts and Sent Items) and the logs, then re-send it if needed.", time.GetUtcNow()), ct);
    }
}
