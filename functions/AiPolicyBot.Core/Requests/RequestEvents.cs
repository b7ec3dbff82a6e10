namespace AiPolicyBot.Requests;

/// <summary>
/// Something happened to a request. Written in the same transaction as the change it follows (an outbox row beside
/// the request, docs/conversation.md "request-events queue"), then relayed to a queue so slow follow-up work
/// (approval cards, notifications) never holds up a Teams turn and is retried if it fails. The event carries only
/// the reference: handlers load the request from storage, so a stale or repeated event does no harm.
/// <see cref="Id"/> is fixed when the event is made and travels with every copy, so the consumer handles it once.
/// </summary>
public sealed record RequestEvent(string Reference, RequestEventKind Kind, DateTimeOffset At, string? ActorId = null, string? Id = null)
{
    /// <summary>A new event with a fresh stable id (32 hex digits).</summary>
    public static RequestEvent New(string reference, RequestEventKind kind, DateTimeOffset at, string? actorId = null) =>
        new(reference, kind, at, actorId, Guid.NewGuid().ToString("N"));
}

public enum RequestEventKind { Submitted, Decided, InformationRequested, InformationProvided, Withdrawn, Expired, ReminderDue }

/// <summary>
/// Hands a committed event to the queue. Best effort: the event's outbox row is already the truth, so a queue fault
/// is logged and left to the relay (never thrown); only cancellation escapes.
/// </summary>
public interface IRequestEventPublisher
{
    Task PublishAsync(RequestEvent requestEvent, CancellationToken ct);
}

/// <summary>One follow-up to a request event (send approval cards, tell the requester, …). Must be idempotent.</summary>
public interface IRequestEventHandler
{
    Task HandleAsync(RequestEvent requestEvent, ToolRequest request, CancellationToken ct);
}
