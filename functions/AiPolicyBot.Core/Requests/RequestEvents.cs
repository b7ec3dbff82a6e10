namespace AiPolicyBot.Requests;

/// <summary>
/// Something happened to a request. Published to a queue so slow follow-up work (approval cards, notifications)
/// never holds up a Teams turn, and is retried if it fails. The event carries only the reference: handlers load
/// the request from storage, so a stale or repeated event does no harm.
/// </summary>
public sealed record RequestEvent(string Reference, RequestEventKind Kind, DateTimeOffset At, string? ActorId = null);

public enum RequestEventKind { Submitted, Decided, InformationRequested, InformationProvided, Withdrawn, Expired, ReminderDue }

/// <summary>Publishes request events (a Storage queue in Azure and locally).</summary>
public interface IRequestEventPublisher
{
    Task PublishAsync(RequestEvent requestEvent, CancellationToken ct);
}

/// <summary>One follow-up to a request event (send approval cards, tell the requester, …). Must be idempotent.</summary>
public interface IRequestEventHandler
{
    Task HandleAsync(RequestEvent requestEvent, ToolRequest request, CancellationToken ct);
}
