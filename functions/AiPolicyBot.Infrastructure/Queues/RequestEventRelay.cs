using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Queues;

/// <summary>
/// Timer job: re-sends request events whose outbox row is still Pending after the grace period (a crash between the
/// commit and the send, a queue fault, a lost message), as <c>MailOutboxRelay</c> does for mail. A copy that arrives
/// twice is harmless: it carries the same id and the consumer handles an event once.
/// </summary>
public sealed class RequestEventRelay(TableRequestEventLog events, IRequestEventPublisher publisher, TimeProvider time, ILogger<RequestEventRelay> logger)
{
    public const string Name = "request-event-relay";
    public const string Schedule = "30 */2 * * * *";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    /// <summary>Longer than a normal hand-off plus a handler run, so events in flight are left alone.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken ct) => await RunAsync(Grace, ct);

    public async Task<int> RunAsync(TimeSpan grace, CancellationToken ct)
    {
        var stale = await events.ListPendingAsync(time.GetUtcNow() - grace, ct);
        foreach (var e in stale) await publisher.PublishAsync(e, outboxVersion: null, ct); // read first by the consumer
        if (stale.Count > 0) logger.LogInformation("Re-sent {Count} request events", stale.Count);
        return stale.Count;
    }
}
