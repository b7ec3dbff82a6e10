using AiPolicyBot.Hosting.Inbox;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Mail.Inbox;

namespace AiPolicyBot.Hosting.Jobs;

/// <summary>The IA inbox, whichever source is configured: the Graph delta round, or the local drop folder.</summary>
public sealed class InboxSyncRunner(GraphMailOptions mail, GraphInboxSync graph, LocalDropFolder local, GraphSubscriptionManager subscriptions)
{
    public async Task SyncAsync(CancellationToken ct)
    {
        if (mail.UseGraph) await graph.RunAsync(ct);
        else await local.RunAsync(ct);
    }

    public async Task HandleDoorbellAsync(string message, CancellationToken ct)
    {
        if (message.Trim() == InboxDoorbell.Subscription && mail.UseGraph) await subscriptions.EnsureAsync(recreate: true, ct);
        await SyncAsync(ct);
    }
}

/// <summary>Graph delta round every two minutes (the source of truth; the webhook only rings sooner).</summary>
public sealed class GraphInboxSyncJob(GraphMailOptions mail, GraphInboxSync sync) : ITimerJob
{
    public const string JobSchedule = "0 */2 * * * *";
    public string Name => "inbox-delta";
    public TimeSpan Interval => TimeSpan.FromMinutes(2);
    public string Schedule => JobSchedule;
    public Task RunAsync(CancellationToken ct) => mail.UseGraph ? sync.RunAsync(ct) : Task.CompletedTask;
}

/// <summary>Local drop folder every two seconds (local host only; with Graph configured it does nothing).</summary>
public sealed class LocalDropFolderJob(GraphMailOptions mail, LocalDropFolder folder) : ITimerJob
{
    public string Name => "inbox-drop-folder";
    public TimeSpan Interval => TimeSpan.FromSeconds(2);
    public string Schedule => "*/2 * * * * *";
    public Task RunAsync(CancellationToken ct) => mail.UseGraph ? Task.CompletedTask : folder.RunAsync(ct);
}

/// <summary>Creates and renews the Graph subscription every six hours (it lives under three days).</summary>
public sealed class GraphSubscriptionJob(GraphSubscriptionManager manager) : ITimerJob
{
    public const string JobSchedule = "0 0 */6 * * *";
    public string Name => "inbox-subscription";
    public TimeSpan Interval => TimeSpan.FromHours(6);
    public string Schedule => JobSchedule;
    public Task RunAsync(CancellationToken ct) => manager.Configured ? manager.EnsureAsync(recreate: false, ct) : Task.CompletedTask;
}

/// <summary>triage-inbox: the doorbell rung by notifications ("sync", "subscription").</summary>
public sealed class InboxDoorbellQueueJob(InboxSyncRunner runner, InboxStorage storage) : IQueueJob
{
    public string QueueName => storage.QueueName;
    public Task HandleAsync(string message, CancellationToken ct) => runner.HandleDoorbellAsync(message, ct);
}

/// <summary>triage-inbox-poison → <see cref="InboxPoisonHandler"/>: a doorbell failed every retry; alert the administrators.</summary>
public sealed class InboxPoisonQueueJob(InboxPoisonHandler handler, InboxStorage storage) : IQueueJob
{
    public string QueueName => storage.QueueName + "-poison";
    public Task HandleAsync(string message, CancellationToken ct) => handler.HandleAsync(message, ct);
}
