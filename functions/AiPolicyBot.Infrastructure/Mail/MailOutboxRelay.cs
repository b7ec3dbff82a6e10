using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Timer job: re-queues outbox rows that were never sent (a crash between commit and enqueue, a lost message, a
/// message that waited out a throttle). Only rows untouched for the grace period, so in-flight work is left alone;
/// a duplicate pointer is harmless because the sender is idempotent.
/// </summary>
public sealed class MailOutboxRelay(IOutboxStore outbox, OutboxQueue queue, MailOutboxOptions settings, TimeProvider time, ILogger<MailOutboxRelay> logger)
{
    public const string Name = "mail-outbox-relay";
    public const string Schedule = "0 */2 * * * *";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var stale = await outbox.ListUnsentAsync(time.GetUtcNow() - settings.RelayGrace, ct);
        foreach (var row in stale) await queue.EnqueueAsync(new OutboxPointer(row.Job.Reference, row.Job.JobId), null, ct);
        if (stale.Count > 0) logger.LogInformation("Re-queued {Count} unsent mail jobs", stale.Count);
        return stale.Count;
    }
}
