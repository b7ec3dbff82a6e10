using AiPolicyBot.Infrastructure.Mail;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>Mail outbox triggers: one line each over the host-independent jobs (retries and poison per host.json).</summary>
public sealed class MailFunctions(MailOutboxSender sender, MailPoisonHandler poison, MailOutboxRelay relay)
{
    [Function("MailOutbox")]
    public Task Outbox([QueueTrigger(MailQueues.Outbox, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        sender.HandleAsync(message, ct);

    [Function("MailOutboxPoison")]
    public Task Poison([QueueTrigger(MailQueues.OutboxPoison, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        poison.HandleAsync(message, ct);

    [Function("MailOutboxRelay")]
    public Task Relay([TimerTrigger(MailOutboxRelay.Schedule)] TimerInfo timer, CancellationToken ct) => relay.RunAsync(ct);
}
