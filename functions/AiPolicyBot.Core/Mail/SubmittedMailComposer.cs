using System.Text;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Mail;

/// <summary>
/// Renders the optional "new request" email to the IA mailbox (GraphMail:SendOnSubmit): the request summary, who has
/// to decide, the routing conditions and reasons. Pure; user text HTML-encoded.
/// </summary>
public static class SubmittedMailComposer
{
    public static MailMessage Compose(ToolRequest request, string jobId, string to)
    {
        var subject = $"{MailText.Tag(request.Reference)} New request: {MailText.OneLine(request.Intake.ToolName, 80)}";
        var conditions = RequestSummary.AllConditions(request, []);
        var approvers = request.Outcome.ApproverRoles.Count == 0 ? "nobody (answered by the policy or register)"
            : string.Join(", ", request.Outcome.ApproverRoles);

        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append("<h2>New request ").Append(MailText.Html(request.Reference)).Append(": ")
            .Append(MailText.Html(request.Intake.ToolName)).Append("</h2>");
        html.Append("<p>To decide: ").Append(MailText.Html(approvers)).Append("</p>");
        RequestSummary.AppendHtml(html, RequestSummary.Rows(request));
        RequestSummary.AppendConditionsHtml(html, conditions);
        RequestSummary.AppendReasonsHtml(html, request.Outcome.Reasons);
        html.Append("</body></html>");

        var text = new StringBuilder(2048);
        text.Append("New request ").Append(request.Reference).Append(": ").Append(request.Intake.ToolName).Append('\n')
            .Append("To decide: ").Append(approvers).Append("\n\n");
        RequestSummary.AppendText(text, RequestSummary.Rows(request));
        RequestSummary.AppendConditionsText(text, conditions);
        RequestSummary.AppendReasonsText(text, request.Outcome.Reasons);

        return new MailMessage(jobId, to, subject, html.ToString(), text.ToString(),
            MailMessage.StandardHeaders(jobId, request.Reference));
    }
}
