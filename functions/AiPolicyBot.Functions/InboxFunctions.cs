using AiPolicyBot.Hosting;
using AiPolicyBot.Hosting.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// The IA inbox: its Graph webhook (anonymous, guarded by the subscription's clientState) and its delta and
/// subscription timers. Its doorbell queue is in <see cref="QueueFunctions"/>; the local drop folder runs in the
/// local host only.
/// </summary>
public sealed class InboxFunctions(GraphNotificationsEndpoint notifications, GraphInboxSyncJob delta, GraphSubscriptionJob subscription)
{
    [Function("GraphNotifications")]
    public async Task<IResult> Notifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest req, CancellationToken ct) =>
        await notifications.HandleAsync(req, ct);

    [Function("InboxDelta")]
    public Task Delta([TimerTrigger(GraphInboxSyncJob.JobSchedule)] TimerInfo timer, CancellationToken ct) => delta.RunAsync(ct);

    [Function("InboxSubscription")]
    public Task Subscription([TimerTrigger(GraphSubscriptionJob.JobSchedule, RunOnStartup = true)] TimerInfo timer, CancellationToken ct) =>
        subscription.RunAsync(ct);
}
