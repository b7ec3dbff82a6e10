using AiPolicyBot.Common;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// The triage-inbox-poison queue job: a doorbell ("sync" or "subscription") failed every retry, so mail may be waiting
/// untriaged. One mail cannot cause this (a mail that fails is set aside with its own poison record and the round
/// goes on, docs/triage-inbox.md), so it means Graph or storage is failing. Raises one administrator alert per hour
/// (recorded, and mailed through the outbox); the delta timer keeps trying meanwhile.
/// </summary>
public sealed class InboxPoisonHandler(IAdminAlerts alerts, TimeProvider time, ILogger<InboxPoisonHandler> logger)
{
    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var what = message.Trim() is "sync" or "subscription" ? message.Trim() : "unreadable";
        logger.LogError("Inbox doorbell '{What}' poisoned", what);
        await alerts.RaiseAsync(new AdminAlert($"inbox-poison|{what}|{now:yyyy-MM-ddTHH}", "InboxPoisoned", null,
            $"The IA inbox could not be read after every retry (doorbell '{what}' at {now:u}). Mail may be waiting untriaged; " +
            "check Graph access and storage in the logs. The two-minute delta round keeps trying.", now), ct);
    }
}
