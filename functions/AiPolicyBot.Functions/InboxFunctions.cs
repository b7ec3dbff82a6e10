using AiPolicyBot.Hosting;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// IA inbox triggers, one line each over AiPolicyBot.Hosting: the Graph webhook (anonymous, guarded by clientState),
/// the doorbell queue and its poison queue, the delta timer and the subscription timer. The local drop folder runs in the local host only.
/// </summary>
public sealed class InboxFunctions(
    GraphNotificationsEndpoint notifications, InboxSyncRunner runner, InboxPoisonHandler poison, GraphInboxSyncJob delta, GraphSubscriptionJob subscription)
{
    [Function("GraphNotifications")]
    public async Task<IResult> Notifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest req, CancellationToken ct) =>
        await notifications.HandleAsync(req, ct);

    [Function("InboxDoorbell")]
    public Task Doorbell([QueueTrigger(InboxStorage.DefaultQueue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        runner.HandleDoorbellAsync(message, ct);

    [Function("InboxDoorbellPoison")]
    public Task DoorbellPoison([QueueTrigger(InboxStorage.DefaultQueue + "-poison", Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        poison.HandleAsync(message, ct);

    [Function("InboxDelta")]
    public Task Delta([TimerTrigger(GraphInboxSyncJob.JobSchedule)] TimerInfo timer, CancellationToken ct) => delta.RunAsync(ct);

    [Function("InboxSubscription")]
    public Task Subscription([TimerTrigger(GraphSubscriptionJob.JobSchedule, RunOnStartup = true)] TimerInfo timer, CancellationToken ct) =>
        subscription.RunAsync(ct);
}
