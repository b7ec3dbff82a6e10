using System.Text;

namespace AiPolicyBot.Mail;

/// <summary>
/// A short notice email: a title, one paragraph and a table of labelled facts, as HTML and plain text (user text
/// HTML-encoded). Carries X-IA-Job-Id and X-Auto-Response-Suppress like every mail AiPolicyBot sends itself.
/// </summary>
public static class NoticeMail
{
    public static MailMessage Build(string jobId, string to, string subject, string title, string intro,
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
