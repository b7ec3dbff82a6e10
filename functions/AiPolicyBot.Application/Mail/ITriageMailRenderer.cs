using AiPolicyBot.Mail;

namespace AiPolicyBot.Application.Mail;

/// <summary>Renders the mailbox-triage mails (DPO alert, complaint forward, acknowledgement) from their triage record.</summary>
public interface ITriageMailRenderer
{
    Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct);
}
