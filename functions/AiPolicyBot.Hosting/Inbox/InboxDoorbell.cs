using AiPolicyBot.Infrastructure.Mail.Inbox;

namespace AiPolicyBot.Hosting.Inbox;

/// <summary>
/// Rings the inbox doorbell: puts "sync" (run the delta query now) or "subscription" (recreate the subscription,
/// then sync) on the triage-inbox queue. The queue job runs the same single-flight delta sync the timer runs.
/// </summary>
public sealed class InboxDoorbell(InboxStorage storage)
{
    public const string Sync = "sync";
    public const string Subscription = "subscription";

    public async Task RingAsync(string kind, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        await storage.Queue.SendMessageAsync(kind, ct);
    }
}
