namespace AiPolicyBot.Mail;

/// <summary>
/// Where every email starts: a job recorded before anything is sent (docs/mail.md). Recording is insert-if-absent on
/// the job's deterministic id, so ensuring the same job twice never sends a second email.
/// </summary>
public interface IOutbox
{
    /// <summary>Records <paramref name="job"/> unless it is already there, then wakes the sender.</summary>
    Task EnsureAsync(OutboxJob job, CancellationToken ct);
}
