using AiPolicyBot.Application.Mail;
using AiPolicyBot.Application.Triage;
using AiPolicyBot.Hosting.Inbox;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Triage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Mailbox triage, live: ingestion (Graph delta + webhook doorbell + subscription upkeep, or the local
/// .eml drop folder), triage records, the actions per category, triage mails through the mail outbox, and the
/// triage card verbs. Uses the storage, policy, triage, Teams and mail parts.
/// </summary>
public static class InboxPart
{
    public static IServiceCollection AddInboxPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TriageOptions>>().Value);
        // Inbox:Queue: only tests change it, to keep parallel hosts on one Azurite apart (Functions listen on triage-inbox).
        // Read when the storage is built, like every bound option: sources added after this call (a test host's
        // WebApplicationFactory settings) must count, or all test hosts share one queue.
        services.AddSingleton(sp => new InboxStorage(sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<StorageOptions>(),
            configuration["Inbox:Queue"] is { Length: > 0 } q ? q : InboxStorage.DefaultQueue));
        services.AddSingleton<ITriageRecordStore, TableTriageRecordStore>();
        services.AddSingleton<ITriageCorrectionStore, TableTriageCorrectionStore>();
        services.AddSingleton<IInboxSyncStateStore, TableInboxSyncState>();
        services.AddSingleton<TeamsTriageNotifier>();
        services.AddSingleton<ITriageNotifier, DeferredTriageNotifier>();
        services.AddSingleton<Func<TriageClassifier>>(sp => () => sp.GetRequiredService<TriageClassifierProvider>().Classifier);
        services.AddSingleton<TriageActions>();
        services.AddSingleton<TriageProcessor>();
        services.AddSingleton<ITriageMailRenderer, TriageMailRenderer>();
        services.AddSingleton<GraphTriageMarker>();
        services.AddSingleton<GraphInboxSync>();
        services.AddSingleton<GraphSubscriptionManager>();
        services.AddSingleton<LocalDropFolder>();
        services.AddSingleton<InboxDoorbell>();
        services.AddSingleton<InboxSyncRunner>();
        services.AddSingleton<GraphNotificationsEndpoint>();
        services.AddSingleton<TriageWarmup>();
        // Off unless Triage:WarmUpAtStart: the model is ~40 MB (200 MB while it loads) that a chat-only instance never
        // needs; the first mail loads it instead (about a second; docs/benchmarks.md, performance round two).
        services.AddSingleton<IHostedService>(sp => sp.GetService<IConfiguration>()?.GetValue<bool>(TriageWarmup.AtStartKey) == true
            ? sp.GetRequiredService<TriageWarmup>()
            : NoWarmup.Instance);

        services.AddSingleton<ITriageRelease, TriageRelease>();
        services.AddSingleton<TriageReview>();
        services.AddSingleton<ICardActionHandler, TriageConfirmHandler>();
        services.AddSingleton<ICardActionHandler, TriageCorrectHandler>();

        services.AddSingleton<GraphInboxSyncJob>();
        services.AddSingleton<GraphSubscriptionJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<GraphInboxSyncJob>());
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<GraphSubscriptionJob>());
        services.AddSingleton<ITimerJob, LocalDropFolderJob>();
        services.AddSingleton<IQueueJob, InboxDoorbellQueueJob>();
        services.AddSingleton<InboxPoisonHandler>();
        services.AddSingleton<IQueueJob, InboxPoisonQueueJob>();
        return services;
    }
}
