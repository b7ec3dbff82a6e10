using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>
/// Runs every registered <see cref="IRequestEventHandler"/> (approval cards, notifications, …) for one request event
/// from the "request-events" queue. Loads the request fresh, so a late or repeated event sees the current state.
/// A malformed message, or one for a request that does not exist, is logged and dropped (retrying cannot fix it);
/// a handler failure throws so the queue retries (handlers are idempotent) and, after five attempts, poisons it.
/// </summary>
public sealed class RequestEventsJob(IRequestStore requests, IEnumerable<IRequestEventHandler> handlers, ILogger<RequestEventsJob> logger) : IQueueJob
{
    public const string Queue = "request-events";

    public string QueueName => Queue;

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        RequestEvent? requestEvent;
        try
        {
            requestEvent = JsonSerializer.Deserialize<RequestEvent>(message, AiPolicyJson.Options);
        }
        catch (JsonException)
        {
            requestEvent = null;
        }
        if (requestEvent is null || !RequestReference.TryParse(requestEvent.Reference, out _, out _))
        {
            logger.LogWarning("Dropped a malformed request event");
            return;
        }

        var stored = await requests.GetAsync(requestEvent.Reference, ct);
        if (stored is null)
        {
            logger.LogWarning("Request event {Kind} for unknown request {Reference} dropped", requestEvent.Kind, requestEvent.Reference);
            return;
        }

        List<Exception>? failures = null;
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(requestEvent, stored.Value, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The other handlers still run; the retry re-runs them all, which is why they must be idempotent.
                logger.LogError(e, "{Handler} failed for {Kind} {Reference}", handler.GetType().Name, requestEvent.Kind, requestEvent.Reference);
                (failures ??= []).Add(e);
            }
        }
        if (failures is not null) throw new AggregateException("Request event handlers failed", failures);
    }
}
