using System.Text;
using AiPolicyBot.Common;

namespace AiPolicyBot.Mail;

/// <summary>
/// An administrator alert as an email to the IA mailbox, through the outbox like every other mail: the job id is
/// "alert:" + the alert's id (so an alert raised twice is one job, one email), in the outbox partition
/// <see cref="Partition"/>. Holds the alert's own text (ids and plain English, never personal data). Pure.
/// </summary>
public static class AdminAlertMail
{
    /// <summary>The outbox partition of alert mail (it belongs to no request).</summary>
    public const string Partition = "admin-alerts";

    public const string JobPrefix = "alert:";

    public static OutboxJob JobFor(AdminAlert alert) => new(JobPrefix + alert.Id, Partition, MailKind.PoisonAlert, alert.At);

    /// <summary>The alert id of an alert-mail job, or null for any other job.</summary>
    public static string? AlertIdOf(OutboxJob job) =>
        job.Kind == MailKind.PoisonAlert && job.JobId.StartsWith(JobPrefix, StringComparison.Ordinal) ? job.JobId[JobPrefix.Length..] : null;

    /// <summary>An alert about an alert mail that could not be sent: recorded, never mailed again (no loop).</summary>
    public static bool IsAboutAlertMail(AdminAlert alert) => alert.Reference == Partition;

    public static MailMessage Compose(AdminAlert alert, string jobId, string to)
    {
        var subject = $"[AiPolicyBot alert] {MailText.OneLine(alert.Kind, 60)}" + (alert.Reference is { } r ? " " + MailText.Tag(r) : "");
        var html = new StringBuilder()
            .Append("<h2>").Append(MailText.Html(alert.Kind)).Append("</h2>")
            .Append("<p>").Append(MailText.Html(alert.Detail)).Append("</p>")
            .Append("<p>Raised ").Append(MailText.Html(MailText.Time(alert.At))).Append(". Alert id: <code>").Append(MailText.Html(alert.Id)).Append("</code>.</p>");
        var text = $"{alert.Kind}\n\n{alert.Detail}\n\nRaised {MailText.Time(alert.At)}. Alert id: {alert.Id}.\n";
        return new MailMessage(jobId, to, subject, html.ToString(), text, MailMessage.StandardHeaders(jobId, alert.Reference ?? Partition));
    }
}
