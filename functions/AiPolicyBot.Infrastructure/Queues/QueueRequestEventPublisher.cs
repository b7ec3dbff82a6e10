using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Queues;

/// <summary>
/// Publishes request events to the Storage queue <see cref="QueueName"/> (Base64, through the registered
/// <see cref="QueueServiceClient"/>), where the request-events job runs every <see cref="IRequestEventHandler"/>.
/// The message is the <see cref="RequestEvent"/> as JSON: a reference and a kind, never personal data.
/// </summary>
public sealed class QueueRequestEventPublisher(QueueServiceClient queues, string queueName = QueueRequestEventPublisher.QueueName)
    : IRequestEventPublisher
{
    public const string QueueName = "request-events";

    private readonly QueueClient _queue = queues.GetQueueClient(queueName);
    private volatile bool _created;

    public async Task PublishAsync(RequestEvent requestEvent, CancellationToken ct)
    {
        if (!_created)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }
        await _queue.SendMessageAsync(JsonSerializer.Serialize(requestEvent, AiPolicyJson.Options), ct);
    }
}
