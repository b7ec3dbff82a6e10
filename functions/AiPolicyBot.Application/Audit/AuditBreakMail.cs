using System.Globalization;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Mail;

namespace AiPolicyBot.Application.Audit;

/// <summary>The administrators' email when the daily verification finds a break: one job per day (deterministic id).</summary>
public static class AuditBreakMail
{
    public const string Reference = "audit";

    public static OutboxJob JobFor(DateTimeOffset at) =>
        new($"audit-break-{at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}", Reference, MailKind.AuditBreak, at);
}

/// <summary>Renders the audit-break email: no stored state beyond the day; the details are in the admin alert and the verify route.</summary>
public sealed class AuditBreakMailRenderer(string recipient) : IOutboxMailRenderer
{
    public bool Renders(MailKind kind) => kind == MailKind.AuditBreak;

    public Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct) =>
        Task.FromResult(NoticeMail.Build(job.JobId, recipient, "URGENT: the audit log failed its daily verification",
            "Audit log verification failed",
            "The daily verification of the audit log found a row that was changed, removed or rewritten. The details (which stream, "
            + "which row) are in the administrators' alerts and in GET /api/audit/verify. Keep the storage account as it is and "
            + "compare it with the sealed heads and the backups before anything else changes.",
            [("Found", MailText.Time(job.CreatedAt)), ("Job", job.JobId)], AuditBreakMail.Reference));
}
