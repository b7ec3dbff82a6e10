using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Queues;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// The outbox relays: timers that re-send outbox rows still pending to their queue (whose triggers are in
/// <see cref="QueueFunctions"/>). The local host runs the same relays with PeriodicJob.
/// </summary>
public sealed class OutboxRelayFunctions(MailOutboxRelay mailRelay, RequestEventRelay eventRelay)
{
    [Function("MailOutboxRelay")]
    public Task MailRelay([TimerTrigger(MailOutboxRelay.Schedule)] TimerInfo timer, CancellationToken ct) => mailRelay.RunAsync(ct);

    [Function("RequestEventRelay")]
    public Task EventRelay([TimerTrigger(RequestEventRelay.Schedule)] TimerInfo timer, CancellationToken ct) => eventRelay.RunAsync(ct);
}
