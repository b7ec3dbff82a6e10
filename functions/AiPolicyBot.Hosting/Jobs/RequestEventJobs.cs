using AiPolicyBot.Infrastructure.Queues;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>request-events-poison → <see cref="RequestEventPoisonHandler"/>: mark the event Failed, alert the administrators.</summary>
public sealed class RequestEventPoisonJob(RequestEventPoisonHandler handler) : IQueueJob
{
    public string QueueName => RequestEventsJob.PoisonQueue;
    public Task HandleAsync(string message, CancellationToken ct) => handler.HandleAsync(message, ct);
}

/// <summary>Every two minutes: re-send request events whose outbox row is still pending.</summary>
public sealed class RequestEventRelayJob(RequestEventRelay relay) : ITimerJob
{
    public string Name => RequestEventRelay.Name;
    public TimeSpan Interval => RequestEventRelay.Interval;
    public string Schedule => RequestEventRelay.Schedule;
    public Task RunAsync(CancellationToken ct) => relay.RunAsync(ct);
}
