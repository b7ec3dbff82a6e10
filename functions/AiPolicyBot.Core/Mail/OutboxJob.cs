namespace AiPolicyBot.Mail;

/// <summary>
/// One email to send, recorded in the outbox before anything is sent (docs/mail.md). The job id is
/// deterministic (e.g. "AIP-2026-0042-decision"), so recording the same job twice is a no-op, never a second email.
/// The email is rendered from stored state when it is sent; the job itself holds no mail content.
/// </summary>
public sealed record OutboxJob(string JobId, string Reference, MailKind Kind, DateTimeOffset CreatedAt)
{
    public static OutboxJob DecisionFor(string reference, DateTimeOffset at) => new($"{reference}-decision", reference, MailKind.Decision, at);
    public static OutboxJob SubmittedFor(string reference, DateTimeOffset at) => new($"{reference}-submitted", reference, MailKind.Submitted, at);
    public static OutboxJob PossibleIncidentFor(string reference, DateTimeOffset at) => new($"{reference}-incident", reference, MailKind.RequestIncident, at);
}

public enum MailKind
{
    /// <summary>The final decision on a request (approved, rejected, expired, withdrawn) to the IA mailbox.</summary>
    Decision,
    /// <summary>A new request (optional, configurable) to the IA mailbox.</summary>
    Submitted,
    /// <summary>A possible data incident or breach, to the DPO at once.</summary>
    IncidentAlert,
    /// <summary>A complaint forwarded to the complaints contact.</summary>
    ComplaintForward,
    /// <summary>An acknowledgement to the sender of a triaged mail.</summary>
    Acknowledgement,
    /// <summary>An administrator alert (something failed every retry, a mail was set aside), to the IA mailbox (<see cref="AdminAlertMail"/>).</summary>
    PoisonAlert,
    /// <summary>A request whose requester said data may already be in the tool (R0), to the IA mailbox at once.</summary>
    RequestIncident,
}

/// <summary>Outbox progress. Only forward moves: Pending → Drafted → Sent, or → Failed (alerted).</summary>
public enum OutboxState { Pending, Drafted, Sent, Failed }
