using AiPolicyBot.Requests;

namespace AiPolicyBot.Mail;

/// <summary>
/// Renders the optional "new request" email to the IA mailbox (GraphMail:SendOnSubmit): the request summary, who has
/// to decide, the routing conditions and reasons. Pure; user text HTML-encoded.
/// </summary>
public static class SubmittedMailComposer
{
    public static MailMessage Compose(ToolRequest request, string jobId, string to, string? academyName = null)
    {
        var approvers = request.Outcome.ApproverRoles.Count == 0 ? "nobody (answered by the policy or register)"
            : string.Join(", ", request.Outcome.ApproverRoles);
        return RequestSummary.Compose(request, jobId, to,
            subject: $"{MailText.Tag(request.Reference)} New request: {MailText.OneLine(request.Intake.ToolName, 80)}",
            heading: $"New request {request.Reference}: {request.Intake.ToolName}",
            lead: "To decide: " + approvers,
            conditions: RequestSummary.AllConditions(request, []),
            reasons: request.Outcome.Reasons,
            academyName);
    }
}
