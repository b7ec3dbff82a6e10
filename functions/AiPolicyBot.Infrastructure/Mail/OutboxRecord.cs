using AiPolicyBot.Mail;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>An outbox row: the job and how far it got. <see cref="DraftId"/> is the Graph draft's immutable id.</summary>
public sealed record OutboxRecord(
    OutboxJob Job,
    OutboxState State,
    string? DraftId,
    DateTimeOffset UpdatedAt,
    string? LastError = null)
{
    public bool IsFinished => State is OutboxState.Sent or OutboxState.Failed;
}
