using System.Text;
using AiPolicyBot.Hosting.Jobs;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace AiPolicyBot.LocalHost.Pumps;

/// <summary>
/// Runs one <see cref="IQueueJob"/> the way the Functions queue trigger does (Microsoft.Azure.WebJobs QueueProcessor):
/// receive with a lease → decode Base64 → handle → delete on success; on failure make the message visible again after
/// the visibility timeout, and once it has failed <see cref="QueuePumpOptions.MaxDequeueCount"/> times copy it to
/// "&lt;queue&gt;-poison" and delete it. Message content is never logged (it may hold personal data).
/// </summary>
public sealed class QueuePump(IQueueJob job, QueueClient queue, QueueClient poison, QueuePumpOptions options, ILogger logger)
{
    /// <summary>Raw clients (no client-side encoding): the pump decodes Base64 itself, so a message that is not Base64
    /// is poisoned, as in Functions, instead of breaking the whole receive.</summary>
    public static QueuePump Create(IQueueJob job, string connectionString, QueuePumpOptions options, ILogger logger) =>
        Create(job, connectionString, job.QueueName, options, logger);

    /// <summary>For a queue whose real name differs from the job's (a test host's prefixed queues).</summary>
    public static QueuePump Create(IQueueJob job, string connectionString, string queueName, QueuePumpOptions options, ILogger logger) =>
        new(job, new QueueClient(connectionString, queueName), new QueueClient(connectionString, queueName + "-poison"), options, logger);

    public async Task RunAsync(CancellationToken ct)
    {
        var idleDelay = options.MinPollingInterval;
        while (!ct.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await PumpOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break; // shutting down
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Queue {Queue}: receive failed ({Error})", job.QueueName, e.GetType().Name);
                received = 0;
            }
            if (received > 0) { idleDelay = options.MinPollingInterval; continue; }
            try
            {
                await Task.Delay(idleDelay, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, options.MaxPollingInterval.Ticks));
        }
    }

    /// <summary>One poll: handles every message received in it and returns how many there were.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken ct)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(options.BatchSize, options.LeaseTimeout, ct);
        await Task.WhenAll(messages.Select(m => ProcessSafelyAsync(m, ct)));
        return messages.Length;
    }

    private async Task ProcessSafelyAsync(QueueMessage message, CancellationToken ct)
    {
        try
        {
            await ProcessAsync(message, ct);
        }
        catch (RequestFailedException e)
        {
            // E.g. 404: the lease ran out and the message was handled or deleted elsewhere. It is never lost silently:
            // either it is gone (handled) or it becomes visible again when its lease ends.
            logger.LogWarning("Queue {Queue}: message {MessageId} could not be settled ({Status} {Code})",
                job.QueueName, message.MessageId, e.Status, e.ErrorCode);
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken ct)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, "dequeued too often", ct);
            return;
        }
        if (!TryDecode(message.MessageText, out var text))
        {
            await MoveToPoisonAsync(message, "not Base64", ct);
            return;
        }
        try
        {
            await job.HandleAsync(text, message.DequeueCount, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the message back at once rather than hiding it for the whole lease.
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning("Queue {Queue}: message {MessageId} failed on attempt {Attempt} of {Max} ({Error})",
                job.QueueName, message.MessageId, message.DequeueCount, options.MaxDequeueCount, e.GetType().Name);
            if (message.DequeueCount >= options.MaxDequeueCount)
                await MoveToPoisonAsync(message, "failed on every attempt", ct);
            else
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: ct);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string why, CancellationToken ct)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: ct);
        await poison.SendMessageAsync(message.MessageText, ct); // the original (still Base64) text
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        logger.LogError("Queue {Queue}: message {MessageId} moved to {Poison} ({Why})", job.QueueName, message.MessageId, poison.Name, why);
    }

    private static bool TryDecode(string base64, out string text)
    {
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return true;
        }
        catch (FormatException)
        {
            text = "";
            return false;
        }
    }
}
