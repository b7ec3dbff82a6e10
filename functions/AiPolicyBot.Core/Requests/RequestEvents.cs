using AiPolicyBot.Common;

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
/// A change and its follow-up event as one transaction stored them: the request with its row's version, and the event
/// with its outbox row's version, which the queue message carries so the consumer can finish the row without
/// reading it first (docs/deploy.md, "Cost model").
/// </summary>
public sealed record CommittedChange(Versioned<ToolRequest> Request, Versioned<RequestEvent> Event);

/// <summary>
/// Hands a committed event to the queue. Best effort: the event's outbox row is already the truth, so a queue fault
/// is logged and left to the relay (never thrown); only cancellation escapes.
/// </summary>
public interface IRequestEventPublisher
{
    /// <param name="outboxVersion">The event's outbox row version from its commit; null for a copy the relay re-sends.</param>
    Task PublishAsync(RequestEvent requestEvent, string? outboxVersion, CancellationToken ct);
}

/// <summary>
/// One follow-up to a request event (send approval cards, tell the requester, …), given the request as stored now
/// with its version (read once per event for every handler). Must be idempotent.
/// </summary>
public interface IRequestEventHandler
{
    Task HandleAsync(RequestEvent requestEvent, Versioned<ToolRequest> stored, CancellationToken ct);
}
