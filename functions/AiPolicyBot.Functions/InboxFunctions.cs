using AiPolicyBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// The IA inbox's Graph webhook: anonymous, guarded by the subscription's clientState. Its doorbell queue is in
/// <see cref="QueueFunctions"/>, its delta and subscription timers in <see cref="TimerFunctions"/>; the local drop
/// folder runs in the local host only.
/// </summary>
public sealed class InboxFunctions(GraphNotificationsEndpoint notifications)
{
    [Function("GraphNotifications")]
    public async Task<IResult> Notifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest req, CancellationToken ct) =>
        await notifications.HandleAsync(req, ct);
}
