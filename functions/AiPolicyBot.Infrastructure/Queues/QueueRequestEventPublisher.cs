using AiPolicyBot.Requests;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Infrastructure.Queues;

/// <summary>
/// Publishes request events to the Storage queue <see cref="QueueName"/> (Base64, through the registered
/// <see cref="QueueServiceClient"/>), where the request-events job runs every <see cref="IRequestEventHandler"/>.
/// The message is a <see cref="RequestEventMessage"/>: the event and its outbox row's version, never personal data.
/// Best effort: the event's outbox row was committed with its change, so a queue fault is logged and the relay
/// (<see cref="RequestEventRelay"/>) sends it later.
/// </summary>
public sealed class QueueRequestEventPublisher(
    QueueServiceClient queues,
    string queueName = QueueRequestEventPublisher.QueueName,
    ILogger<QueueRequestEventPublisher>? logger = null) : IRequestEventPublisher
{
    public const string QueueName = "request-events";

    private readonly QueueClient _queue = queues.GetQueueClient(queueName);
    private volatile bool _created;

    public async Task PublishAsync(RequestEvent requestEvent, string? outboxVersion, CancellationToken ct)
    {
        try
        {
            await SendAsync(requestEvent, outboxVersion, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (logger ?? NullLogger<QueueRequestEventPublisher>.Instance).LogWarning(
                "Could not queue request event {EventId} for {Reference} ({Error}); the relay will send it", requestEvent.Id, requestEvent.Reference, e.GetType().Name);
        }
    }

    /// <summary>Sends now and throws on a queue fault (the relay wants to know).</summary>
    public async Task SendAsync(RequestEvent requestEvent, string? outboxVersion, CancellationToken ct)
    {
        if (!_created)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }
        await _queue.SendMessageAsync(new RequestEventMessage(requestEvent, outboxVersion).Write(), ct);
    }
}
