using AiPolicyBot.Hosting.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The request-events queue: one line over the host-independent job.</summary>
public sealed class RequestEventFunctions(RequestEventsJob job)
{
    [Function("RequestEvents")]
    public Task Run([QueueTrigger(RequestEventsJob.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        job.HandleAsync(message, ct);
}
