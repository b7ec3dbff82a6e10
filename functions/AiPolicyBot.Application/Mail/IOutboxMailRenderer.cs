using AiPolicyBot.Mail;

namespace AiPolicyBot.Application.Mail;

/// <summary>Renders the outbox mails of one part (incident reminders, the audit-break alert) from its own stored state.</summary>
public interface IOutboxMailRenderer
{
    bool Renders(MailKind kind);

    Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct);
}
