using System.Text;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Mail;

/// <summary>
/// Renders the "possible incident" email to the IA mailbox for a request flagged by R0 (the requester could not
/// declare that no personal data has gone into the tool yet). Sent on submission, whatever the route, so Information
/// Assurance can treat it under the data-breach procedure before anyone decides the request (policy 3.1). Holds
/// what the request already holds and nothing more. Pure; user text HTML-encoded.
/// </summary>
public static class PossibleIncidentMailComposer
{
    public static MailMessage Compose(ToolRequest request, string jobId, string to)
    {
        var subject = $"{MailText.Tag(request.Reference)} Possible incident: data may already be in {MailText.OneLine(request.Intake.ToolName, 80)}";
        var reasons = request.Outcome.Reasons.Where(r => r.Rule.StartsWith("R0", StringComparison.Ordinal)).ToList();
        const string Lead = "The requester could not confirm that no personal or commercially sensitive data has been put into " +
            "this tool yet. Please review it as a possible incident under the data-breach procedure, before the request " +
            "is decided. The approval cards in Teams show the same flag.";

        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append("<h2>Possible incident ").Append(MailText.Html(request.Reference)).Append(": ")
            .Append(MailText.Html(request.Intake.ToolName)).Append("</h2>");
        html.Append("<p>").Append(MailText.Html(Lead)).Append("</p>");
        RequestSummary.AppendHtml(html, RequestSummary.Rows(request));
        RequestSummary.AppendReasonsHtml(html, reasons);
        html.Append("</body></html>");

        var text = new StringBuilder(2048);
        text.Append("Possible incident ").Append(request.Reference).Append(": ").Append(request.Intake.ToolName).Append("\n\n")
            .Append(Lead).Append("\n\n");
        RequestSummary.AppendText(text, RequestSummary.Rows(request));
        RequestSummary.AppendReasonsText(text, reasons);

        return new MailMessage(jobId, to, subject, html.ToString(), text.ToString(),
            MailMessage.StandardHeaders(jobId, request.Reference));
    }
}
