using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Queues;

/// <summary>
/// The request-events-poison queue job: an event's follow-up failed every retry. Marks its outbox row Failed (unless
/// it was handled after all), so the relay stops re-sending it, and raises an administrator alert (recorded, and
/// mailed through the outbox). Idempotent: a second copy finds the row Failed and the alert already raised.
/// </summary>
public sealed class RequestEventPoisonHandler(TableRequestEventLog events, IAdminAlerts alerts, TimeProvider time, ILogger<RequestEventPoisonHandler> logger)
{
    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var requestEvent = RequestEventMessage.TryRead(message)?.Event;
        if (requestEvent is null)
        {
            await alerts.RaiseAsync(new AdminAlert(PoisonAlertIds.Unreadable("request-event-poison", message), "RequestEventPoisoned", null,
                "An unreadable message reached request-events-poison; no request could be identified.", time.GetUtcNow()), ct);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            var row = await events.GetAsync(requestEvent, ct);
            if (row is null) break; // an event from before the outbox: alert only
            if (row.Value.State == RequestEventState.Handled) return; // handled after all: nothing to alert
            if (row.Value.State == RequestEventState.Failed) break;
            try
            {
                await events.MarkFailedAsync(row, "Failed every retry (moved to request-events-poison).", ct);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // moved meanwhile: read again
            }
        }

        logger.LogError("Request event {EventId} ({Kind}) for {Reference} poisoned", requestEvent.Id, requestEvent.Kind, requestEvent.Reference);
        await alerts.RaiseAsync(new AdminAlert($"request-event-poison|{requestEvent.Id ?? requestEvent.Reference + "|" + requestEvent.Kind}",
            "RequestEventPoisoned", requestEvent.Reference,
            $"The follow-up of {requestEvent.Reference} ({requestEvent.Kind}, event {requestEvent.Id}) failed after every retry: " +
            "approval cards, the requester's message or the register may not have been updated. Check the logs, then refresh the request's cards.",
            time.GetUtcNow()), ct);
    }
}

/// <summary>Alert ids for poison messages that name nothing: a short hash of the message, so a repeat is one alert.</summary>
public static class PoisonAlertIds
{
    public static string Unreadable(string queue, string message) =>
        $"{queue}|unreadable|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16]}";
}
