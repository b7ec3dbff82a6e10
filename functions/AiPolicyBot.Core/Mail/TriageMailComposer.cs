using System.Text;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Mail;

/// <summary>
/// Renders the emails mailbox triage sends, from the triage record (metadata and classification only; the original
/// stays in the mailbox or the local triaged folder): the DPO incident alert, the complaint forward and the
/// acknowledgement to the sender. Pure; user text HTML-encoded; subjects one line. Every one carries X-IA-Job-Id
/// (our own mail: never triaged into a reply) and X-Auto-Response-Suppress (no out-of-office replies back).
/// </summary>
public static class TriageMailComposer
{
    public static OutboxJob IncidentAlertJob(TriageRecord r, DateTimeOffset at) => new($"{r.OutboxReference}-dpo", r.OutboxReference, MailKind.IncidentAlert, at);
    public static OutboxJob ComplaintForwardJob(TriageRecord r, DateTimeOffset at) => new($"{r.OutboxReference}-complaint", r.OutboxReference, MailKind.ComplaintForward, at);
    public static OutboxJob AcknowledgementJob(TriageRecord r, DateTimeOffset at) => new($"{r.OutboxReference}-ack", r.OutboxReference, MailKind.Acknowledgement, at);

    public static MailMessage Compose(OutboxJob job, TriageRecord record, TriageMailSettings settings) => job.Kind switch
    {
        MailKind.IncidentAlert => IncidentAlert(job.JobId, record, settings),
        MailKind.ComplaintForward => ComplaintForward(job.JobId, record, settings),
        MailKind.Acknowledgement => Acknowledgement(job.JobId, record, settings),
        _ => throw new NotSupportedException($"Mail kind {job.Kind} is not a triage mail."),
    };

    public static MailMessage IncidentAlert(string jobId, TriageRecord r, TriageMailSettings s)
    {
        // A confident breach and a "possible" one (below the model's confidence) both alert the DPO; the second says
        // plainly that triage is unsure, so the DPO reads it rather than learning to ignore alerts.
        var unsure = TriageClassifier.IsPossibleBreach(r.Signals);
        var subject = unsure
            ? $"URGENT possible data breach, unsure, please check: {MailText.OneLine(r.Subject, 80)}"
            : $"URGENT data breach reported: {MailText.OneLine(r.Subject, 80)}";
        var rows = Rows(r, s);
        var intro = unsure
            ? $"A mail to the IA mailbox may report a personal-data breach, but triage is not sure (a possible breach, "
              + $"marked for a person's look; triaged as {r.Category.WireName()}). If it is a breach, the ICO 72-hour clock may have started. Please read it now; "
              + "a person in the IA team will confirm the category."
            : "A mail to the IA mailbox was triaged as a personal-data breach report. The ICO 72-hour clock may "
              + "have started. Please assess it now; a person in the IA team will confirm the category.";
        return Build(jobId, s.DpoAddress, subject, unsure ? "Possible data breach: please check" : "Data breach reported", intro, rows,
            r.ThreadReference ?? r.OutboxReference);
    }

    public static MailMessage ComplaintForward(string jobId, TriageRecord r, TriageMailSettings s)
    {
        var subject = $"Complaint received by the IA mailbox: {MailText.OneLine(r.Subject, 80)}";
        var intro = "A complaint about the use of AI reached the information-assurance mailbox. Under the AI policy (§3.5) "
                    + "complaints are handled under the Trust or academy complaints policy, so it is passed to you. "
                    + "The sender has been told it was passed on.";
        return Build(jobId, s.ComplaintsContact, subject, "Complaint forwarded", intro, Rows(r, s), r.ThreadReference ?? r.OutboxReference);
    }

    public static MailMessage Acknowledgement(string jobId, TriageRecord r, TriageMailSettings s)
    {
        string subject, title, intro;
        if (r.Category == TriageCategory.ToolRequest && r.DraftReference is { } reference)
        {
            subject = $"{MailText.Tag(reference)} We received your AI tool request";
            title = $"Your request {reference}";
            intro = $"Thank you. We have opened draft request {reference}"
                    + (r.ToolName is { } t ? $" for {t}" : "")
                    + ". It is not submitted yet: to complete it, open AiPolicyBot in Microsoft Teams, choose \"My requests\" "
                    + $"(or type \"request {reference}\") and answer the remaining questions. Nobody can approve it until then. "
                    + "Please do not use the tool with any personal data until it is approved.";
        }
        else
        {
            subject = $"We received your complaint: {MailText.OneLine(r.Subject, 80)}";
            title = "Your complaint";
            intro = "Thank you for your email. Complaints about the use of AI are handled under the Trust's or your "
                    + "academy's complaints policy (AI policy §3.5), so we have passed it to the complaints lead"
                    + (string.IsNullOrWhiteSpace(s.ComplaintsContact) ? "" : $" ({s.ComplaintsContact})")
                    + ", who will contact you. If you are a member of staff, please also raise concerns with your line manager.";
        }
        var headers = MailMessage.StandardHeaders(jobId, r.DraftReference ?? r.ThreadReference ?? r.OutboxReference).ToDictionary(StringComparer.OrdinalIgnoreCase);
        headers["X-Auto-Response-Suppress"] = "All";
        var html = $"<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\"><h2>{MailText.Html(title)}</h2><p>{MailText.Html(intro)}</p>"
                   + $"<p>Your email: {MailText.Html(r.Subject)} ({MailText.Html(MailText.Time(r.ReceivedAt))})</p></body></html>";
        var text = $"{title}\n\n{intro}\n\nYour email: {r.Subject} ({MailText.Time(r.ReceivedAt)})\n";
        return new MailMessage(jobId, r.FromAddress, subject, html, text, headers);
    }

    private static List<(string Label, string Value)> Rows(TriageRecord r, TriageMailSettings s) =>
    [
        ("From", r.FromAddress),
        ("Subject (personal data redacted)", r.Subject),
        ("Received", MailText.Time(r.ReceivedAt)),
        ("Category", $"{r.Category.WireName()} ({r.Confidence:0.00})"),
        ("Evidence", string.Join(", ", r.Signals)),
        ("Personal data seen", r.PersonalData.Count == 0 ? "none detected" : string.Join(", ", r.PersonalData)),
        ("Where the mail is", s.LocationOf(r)),
        ("Triage id", r.Key[..16]),
    ];

    private static MailMessage Build(string jobId, string to, string subject, string title, string intro,
        IReadOnlyList<(string Label, string Value)> rows, string reference)
    {
        var html = new StringBuilder(2048);
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\"><h2>")
            .Append(MailText.Html(title)).Append("</h2><p>").Append(MailText.Html(intro)).Append("</p><table>");
        foreach (var (label, value) in rows)
            html.Append("<tr><th align=\"left\">").Append(MailText.Html(label)).Append("</th><td>").Append(MailText.Html(value)).Append("</td></tr>");
        html.Append("</table></body></html>");
        var text = new StringBuilder(1024).Append(title).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var (label, value) in rows) text.Append(label).Append(": ").Append(value).Append('\n');
        var headers = MailMessage.StandardHeaders(jobId, reference).ToDictionary(StringComparer.OrdinalIgnoreCase);
        headers["X-Auto-Response-Suppress"] = "All";
        return new MailMessage(jobId, to, subject, html.ToString(), text.ToString(), headers);
    }
}

/// <summary>Addresses and wording the triage mails need (from Triage options and the mail transport).</summary>
public sealed record TriageMailSettings(string DpoAddress, string ComplaintsContact, Func<TriageRecord, string> LocationOf);
