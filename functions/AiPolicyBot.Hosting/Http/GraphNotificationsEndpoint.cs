using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Inbox;
using AiPolicyBot.Infrastructure.Mail;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/graph/notifications (docs/spec/http-api.md, docs/triage-inbox.md), anonymous: Graph cannot send a key unless
/// it is in the URL, so every notification is checked against GraphMail:ClientState in constant time.
/// <list type="bullet">
/// <item>?validationToken=… → 200 text/plain with the decoded token (subscription creation, within 10 s).</item>
/// <item>Notifications whose clientState matches ring the doorbell (queue triage-inbox) and return 202 at once:
/// the delta query, not the notification, decides what is new. Lifecycle events: missed → sync;
/// subscriptionRemoved / reauthorizationRequired → renew or recreate the subscription, then sync.</item>
/// <item>A batch with NO valid clientState → 403 and a warning: it did not come from our subscription (forged, or
/// a stale subscription whose secret was rotated), so nothing is queued. 403 rather than a silent 202 makes the
/// rejection visible in metrics; it tells a caller nothing useful (the secret is 16–128 random characters).
/// A batch mixing valid and invalid items → 202, valid ones used, the rest logged.</item>
/// <item>Malformed JSON or a body over 1 MB (with or without Content-Length) → 400 with what is wrong.</item>
/// </list>
/// </summary>
public sealed class GraphNotificationsEndpoint(GraphMailOptions mail, InboxDoorbell doorbell, ILogger<GraphNotificationsEndpoint> logger)
{
    private const int MaxValidationTokenLength = 2048;

    public async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            var text = token.ToString();
            if (text.Length is 0 or > MaxValidationTokenLength)
                return ApiProblems.Invalid("validationToken", "must be 1 to 2048 characters");
            return TypedResults.Text(text, "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
        }

        var (doc, problem) = await RequestBody.ReadJsonAsync(request, RequestBody.GraphNotificationBytes, "$", ct);
        if (problem is not null) return problem;
        using (var document = doc!)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("value", out var items) || items.ValueKind != JsonValueKind.Array)
                return ApiProblems.Invalid("value", "must be an array of notifications");

            var expected = Encoding.UTF8.GetBytes(mail.ClientState ?? "");
            int valid = 0, invalid = 0;
            bool sync = false, subscription = false;
            foreach (var item in items.EnumerateArray())
            {
                var clientState = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("clientState", out var cs) && cs.ValueKind == JsonValueKind.String ? cs.GetString() ?? "" : "";
                if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientState), expected))
                {
                    invalid++;
                    continue;
                }
                valid++;
                var lifecycle = item.TryGetProperty("lifecycleEvent", out var le) && le.ValueKind == JsonValueKind.String ? le.GetString() : null;
                if (lifecycle is "subscriptionRemoved" or "reauthorizationRequired") subscription = true;
                else sync = true; // a change, or "missed": the delta query catches up either way
            }
            if (invalid > 0) logger.LogWarning("Graph notifications: {Invalid} with a wrong clientState ignored ({Valid} valid)", invalid, valid);
            if (valid == 0 && invalid > 0) return ApiProblems.Forbidden("No notification carried the subscription's client state.");

            // One doorbell per batch is enough: a sync round picks up everything that arrived.
            if (subscription) await doorbell.RingAsync(InboxDoorbell.Subscription, ct);
            else if (sync) await doorbell.RingAsync(InboxDoorbell.Sync, ct);
            return TypedResults.StatusCode(StatusCodes.Status202Accepted);
        }
    }
}
