using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>
/// Runs every registered <see cref="IRequestEventHandler"/> (decision rows, approval cards, notifications, …) for one
/// request event from the "request-events" queue, once: a relay's copy (no outbox version) or a redelivery is checked
/// against its outbox row first and dropped if the row is already finished; the message sent right after the commit
/// carries the row's version, so on its first delivery it skips that read (docs/deploy.md, "Cost model") and, should
/// a duplicate have finished the row meanwhile, finds out when marking it (its handlers are idempotent). The row is
/// marked Handled, guarded by its version, after the handlers ran. Loads the request fresh, so a late or repeated
/// event sees the current state. A malformed message, or one for a request that does not exist, is logged and dropped
/// (retrying cannot fix it); a handler failure throws so the queue retries (handlers are idempotent) and, after five
/// attempts, poisons it (<see cref="RequestEventPoisonJob"/>).
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

    /// <summary>Without the delivery count: treated as a redelivery (the outbox row is read first).</summary>
    public Task HandleAsync(string message, CancellationToken ct) => HandleAsync(message, dequeueCount: 0, ct);

    public async Task HandleAsync(string message, long dequeueCount, CancellationToken ct)
    {
        if (RequestEventMessage.TryRead(message) is not { } parsed)
        {
            logger.LogWarning("Dropped a malformed request event");
            return;
        }

        var requestEvent = parsed.Event;
        // The click's own message on its first delivery: its row is as the commit left it unless a relay copy (sent
        // only after minutes) or a duplicate delivery got there first, which the version-guarded Handled then reports.
        var row = dequeueCount == 1 && parsed.OutboxVersion is { } version && requestEvent.Id is { Length: > 0 }
            ? new Versioned<RequestEventRecord>(new RequestEventRecord(requestEvent, RequestEventState.Pending, requestEvent.At), version)
            : await events.GetAsync(requestEvent, ct);
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
                await handler.HandleAsync(requestEvent, stored, ct);
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
