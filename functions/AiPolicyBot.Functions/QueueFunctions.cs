using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Queues;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// Every queue trigger of the app and its poison queue, one line each over the host-independent handlers (retries
/// and poison per host.json; the local host runs the same with QueuePump). The relays that re-send to these queues
/// are timers (<see cref="OutboxRelayFunctions"/>).
/// </summary>
public sealed class QueueFunctions(
    MailOutboxSender sender, MailPoisonHandler mailPoison,
    RequestEventsJob events, RequestEventPoisonHandler eventPoison,
    InboxSyncRunner inbox, InboxPoisonHandler inboxPoison)
{
    [Function("MailOutbox")]
    public Task Outbox([QueueTrigger(MailQueues.Outbox, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        sender.HandleAsync(message, ct);

    [Function("MailOutboxPoison")]
    public Task OutboxPoison([QueueTrigger(MailQueues.OutboxPoison, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        mailPoison.HandleAsync(message, ct);

    [Function("RequestEvents")]
    public Task RequestEvents([QueueTrigger(RequestEventsJob.Queue, Connection = "AzureWebJobsStorage")] string message, FunctionContext context, CancellationToken ct) =>
        events.HandleAsync(message, QueueDelivery.DequeueCount(context), ct);

    [Function("RequestEventsPoison")]
    public Task RequestEventsPoison([QueueTrigger(RequestEventsJob.PoisonQueue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        eventPoison.HandleAsync(message, ct);

    [Function("InboxDoorbell")]
    public Task Doorbell([QueueTrigger(InboxStorage.DefaultQueue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        inbox.HandleDoorbellAsync(message, ct);

    [Function("InboxDoorbellPoison")]
    public Task DoorbellPoison([QueueTrigger(InboxStorage.DefaultQueue + "-poison", Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        inboxPoison.HandleAsync(message, ct);
}
