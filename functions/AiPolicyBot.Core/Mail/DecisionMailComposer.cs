using System.Text;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Mail;

/// <summary>
/// Renders the decision email to the IA mailbox: the outcome, the request summary, each approver's decision with its
/// time, the conditions in plain English and the routing reasons with their policy sections. Pure; every
/// user-supplied string is HTML-encoded in the HTML body, and the subject is kept to one line.
/// </summary>
public static class DecisionMailComposer
{
    public static MailMessage Compose(ToolRequest request, IReadOnlyList<ApprovalDecision> decisions, string jobId, string to,
        string? academyName = null, IReadOnlyList<MailLink>? links = null)
    {
        // The decision rows are the record; the request's summary list is the fallback for outcomes without rows.
        var made = (decisions.Count > 0 ? decisions : request.Decisions).OrderBy(d => d.DecidedAt).ToList();
        var conditions = RequestSummary.AllConditions(request, made);
        var outcome = OutcomeText(request.State, conditions.Count > 0);
        var subject = $"{MailText.Tag(request.Reference)} Decision: {outcome} - {MailText.OneLine(request.Intake.ToolName, 80)}";

        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append("<h2>").Append(MailText.Html(request.Reference)).Append(": ").Append(MailText.Html(request.Intake.ToolName))
            .Append("</h2><p>Outcome: <strong>").Append(MailText.Html(outcome)).Append("</strong></p>");
        RequestSummary.AppendLinksHtml(html, links);
        RequestSummary.AppendHtml(html, RequestSummary.Rows(request, academyName));
        html.Append("<h3>Approvers</h3>");
        if (made.Count == 0) html.Append("<p>No approver decided (").Append(MailText.Html(outcome)).Append(").</p>");
        else
        {
            html.Append("<ul>");
            foreach (var d in made)
            {
                html.Append("<li><strong>").Append(MailText.Html(d.Role)).Append("</strong>: ")
                    .Append(MailText.Html(d.ApproverName)).Append(", ").Append(MailText.Html(DecisionText(d.Kind)))
                    .Append(", ").Append(MailText.Html(MailText.Time(d.DecidedAt)));
                if (!string.IsNullOrWhiteSpace(d.Comment)) html.Append("<br>Comment: ").Append(MailText.Html(d.Comment));
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        RequestSummary.AppendConditionsHtml(html, conditions);
        RequestSummary.AppendReasonsHtml(html, request.Outcome.Reasons);
        html.Append("<p><small>Sent by AiPolicyBot. Reply keeping ").Append(MailText.Html(MailText.Tag(request.Reference)))
            .Append(" in the subject.</small></p></body></html>");

        var text = new StringBuilder(2048);
        text.Append(request.Reference).Append(": ").Append(request.Intake.ToolName).Append('\n')
            .Append("Outcome: ").Append(outcome).Append("\n\n");
        RequestSummary.AppendLinksText(text, links);
        RequestSummary.AppendText(text, RequestSummary.Rows(request, academyName));
        text.Append("\nApprovers:\n");
        if (made.Count == 0) text.Append("  No approver decided (").Append(outcome).Append(").\n");
        foreach (var d in made)
        {
            text.Append("  - ").Append(d.Role).Append(": ").Append(d.ApproverName).Append(", ").Append(DecisionText(d.Kind))
                .Append(", ").Append(MailText.Time(d.DecidedAt)).Append('\n');
            if (!string.IsNullOrWhiteSpace(d.Comment)) text.Append("    Comment: ").Append(d.Comment).Append('\n');
        }
        RequestSummary.AppendConditionsText(text, conditions);
        RequestSummary.AppendReasonsText(text, request.Outcome.Reasons);

        return new MailMessage(jobId, to, subject, html.ToString(), text.ToString(),
            MailMessage.StandardHeaders(jobId, request.Reference));
    }

    public static string OutcomeText(RequestState state, bool hasConditions) => state switch
    {
        RequestState.Approved => hasConditions ? "approved with conditions" : "approved",
        RequestState.Rejected => "rejected",
        RequestState.Expired => "expired without a decision",
        RequestState.Withdrawn => "withdrawn by the requester",
        RequestState.Closed => "closed (answered by the policy or register)",
        _ => "in progress (" + MailText.Words(state) + ")",
    };

    public static string DecisionText(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "approved",
        DecisionKind.ApproveWithConditions => "approved with conditions",
        DecisionKind.Reject => "rejected",
        DecisionKind.RequestInformation => "asked for more information",
        DecisionKind.Answer => "answered the question",
        DecisionKind.Withdraw => "withdrew the request",
        _ => MailText.Words(kind),
    };
}
