using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Queues;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The request-events queue, its poison queue and its relay: one line each over the host-independent jobs.</summary>
public sealed class RequestEventFunctions(RequestEventsJob job, RequestEventPoisonHandler poison, RequestEventRelay relay)
{
    [Function("RequestEvents")]
    public Task Run([QueueTrigger(RequestEventsJob.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        job.HandleAsync(message, ct);

    [Function("RequestEventsPoison")]
    public Task Poison([QueueTrigger(RequestEventsJob.PoisonQueue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        poison.HandleAsync(message, ct);

    [Function("RequestEventRelay")]
    public Task Relay([TimerTrigger(RequestEventRelay.Schedule)] TimerInfo timer, CancellationToken ct) => relay.RunAsync(ct);
}
