using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>
/// Runs every registered <see cref="IRequestEventHandler"/> (decision rows, approval cards, notifications, …) for one
/// request event from the "request-events" queue, once: an event whose outbox row is already finished (a relayed or
/// redelivered copy) is dropped, and the row is marked Handled after the handlers ran. Loads the request fresh, so a
/// late or repeated event sees the current state. A malformed message, or one for a request that does not exist, is
/// logged and dropped (retrying cannot fix it); a handler failure throws so the queue retries (handlers are
/// idempotent) and, after five attempts, poisons it (<see cref="RequestEventPoisonJob"/>).
/// </summary>
public sealed class RequestEventsJob(
    IRequestStore requests,
    IEnumerable<IRequestEventHandler> handlers,
    TableRequestEventLog events,
    ILogger<RequestEventsJob> logger) : IQueueJob
{
    public const string Queue = "request-events";
    public const string PoisonQueue = Queue + "-poison";

    public string QueueName => Queue;

    /// <summary>Parses a queue message; null when it is not a request event.</summary>
    public static RequestEvent? Parse(string message)
    {
        RequestEvent? requestEvent;
        try
        {
            requestEvent = JsonSerializer.Deserialize<RequestEvent>(message, AiPolicyJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
        return requestEvent is not null && RequestReference.TryParse(requestEvent.Reference, out _, out _) ? requestEvent : null;
    }

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        if (Parse(message) is not { } requestEvent)
        {
            logger.LogWarning("Dropped a malformed request event");
            return;
        }

        var row = await events.GetAsync(requestEvent, ct);
        if (row is { Value.IsFinished: true })
        {
            logger.LogInformation("Request event {EventId} already {State}; copy dropped", requestEvent.Id, row.Value.State);
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
        if (row is not null) await MarkHandledAsync(row, ct);
    }

    // Another copy may have finished it meanwhile: its Handled stands.
    private async Task MarkHandledAsync(Versioned<RequestEventRecord> row, CancellationToken ct)
    {
        try
        {
            await events.MarkHandledAsync(row, ct);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogInformation("Request event {EventId} was finished by another copy", row.Value.Event.Id);
        }
    }
}
