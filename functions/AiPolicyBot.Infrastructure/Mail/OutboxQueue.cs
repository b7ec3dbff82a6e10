using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>Puts outbox pointers on the mail-outbox queue. The relay covers any pointer that never arrives.</summary>
public sealed class OutboxQueue(MailStorage storage, ILogger<OutboxQueue> logger)
{
    public async Task EnqueueAsync(OutboxPointer pointer, TimeSpan? visibilityDelay, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        await storage.Outbox.SendMessageAsync(pointer.ToJson(), visibilityDelay, cancellationToken: ct);
    }

    /// <summary>Best effort: after a commit the row is already the truth, so a failed enqueue only delays the mail.</summary>
    public async Task TryEnqueueAsync(OutboxPointer pointer, CancellationToken ct)
    {
        try
        {
            await EnqueueAsync(pointer, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not queue mail job {JobId} ({Error}); the relay will pick it up", pointer.JobId, e.GetType().Name);
        }
    }
}
