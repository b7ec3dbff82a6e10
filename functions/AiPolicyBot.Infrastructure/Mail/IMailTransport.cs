using AiPolicyBot.Mail;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Delivers one email at most once per job id. A transport that works in two steps (Graph: draft, then send)
/// records its intermediate id through <see cref="IDraftTracker"/> before the irreversible step, and on a retry
/// checks whether that step already happened.
/// </summary>
public interface IMailTransport
{
    Task<MailSendOutcome> SendAsync(MailMessage message, IDraftTracker drafts, CancellationToken ct);
}

/// <summary>Durable memory of a job's draft: the outbox row.</summary>
public interface IDraftTracker
{
    string? DraftId { get; }

    /// <summary>Persists the draft id (ETag-conditional). Returns only once it is stored.</summary>
    Task SaveDraftIdAsync(string draftId, CancellationToken ct);
}

public enum MailSendOutcome
{
    /// <summary>Sent by this call.</summary>
    Sent,
    /// <summary>An earlier attempt had already sent it (the retry found the proof).</summary>
    AlreadySent,
}

/// <summary>The draft recorded for a job is gone and no sent copy was found: a person must check the mailbox.</summary>
public sealed class DraftMissingException(string jobId)
    : Exception($"The Graph draft of mail job {jobId} is gone and no sent copy was found; check the mailbox before re-sending.");
