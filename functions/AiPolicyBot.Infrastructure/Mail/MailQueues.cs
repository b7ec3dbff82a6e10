namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>Queue names of the mail outbox. The Functions triggers use these literals too.</summary>
public static class MailQueues
{
    public const string Outbox = "mail-outbox";
    public const string OutboxPoison = "mail-outbox-poison";
}
