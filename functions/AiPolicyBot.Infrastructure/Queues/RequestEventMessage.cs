using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Queues;

/// <summary>
/// A request-events queue message: the <see cref="RequestEvent"/> as JSON (a reference, a kind, the event's id; never
/// personal data) and, when it was sent right after its commit, <c>outboxVersion</c>, the ETag the commit gave the
/// event's outbox row, so the consumer can finish that row without reading it first. A copy the relay re-sends has
/// none, and the consumer reads the row to drop copies already finished.
/// </summary>
public sealed record RequestEventMessage(RequestEvent Event, string? OutboxVersion)
{
    private const string VersionProperty = "outboxVersion";

    public string Write()
    {
        var json = JsonSerializer.SerializeToNode(Event, AiPolicyJson.Options)!.AsObject();
        if (OutboxVersion is not null) json[VersionProperty] = OutboxVersion;
        return json.ToJsonString(AiPolicyJson.Options);
    }

    /// <summary>The message, or null when it is not a request event with a valid reference.</summary>
    public static RequestEventMessage? TryRead(string message)
    {
        try
        {
            var json = JsonNode.Parse(message) as JsonObject;
            var requestEvent = json?.Deserialize<RequestEvent>(AiPolicyJson.Options);
            if (requestEvent is null || !RequestReference.TryParse(requestEvent.Reference, out _, out _)) return null;
            var version = json![VersionProperty] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
            return new RequestEventMessage(requestEvent, version);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
