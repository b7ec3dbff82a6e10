using AiPolicyBot.Infrastructure.Mail;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>mail-outbox → <see cref="MailOutboxSender"/> (the local host runs it with a QueuePump).</summary>
public sealed class MailOutboxQueueJob(MailOutboxSender sender, MailStorage storage) : IQueueJob
{
    public string QueueName => storage.OutboxQueueName;
    public Task HandleAsync(string message, CancellationToken ct) => sender.HandleAsync(message, ct);
}

/// <summary>mail-outbox-poison → <see cref="MailPoisonHandler"/>: mark Failed, alert the IA admins.</summary>
public sealed class MailPoisonQueueJob(MailPoisonHandler handler, MailStorage storage) : IQueueJob
{
    public string QueueName => storage.PoisonQueueName;
    public Task HandleAsync(string message, CancellationToken ct) => handler.HandleAsync(message, ct);
}

/// <summary>Every two minutes: re-queue outbox rows that were never sent.</summary>
public sealed class MailOutboxRelayJob(MailOutboxRelay relay) : ITimerJob
{
    public string Name => MailOutboxRelay.Name;
    public TimeSpan Interval => MailOutboxRelay.Interval;
    public string Schedule => MailOutboxRelay.Schedule;
    public Task RunAsync(CancellationToken ct) => relay.RunAsync(ct);
}
