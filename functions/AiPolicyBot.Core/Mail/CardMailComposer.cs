using AiPolicyBot.Requests;

namespace AiPolicyBot.Mail;

/// <summary>
/// The card by email, for a person Teams could not reach (docs/approvals.md, "Reaching people"): what the request
/// asks, where it stands, and a link that opens the card in Teams. An approver still decides in Teams, never by
/// replying. Pure; user text HTML-encoded.
/// </summary>
public static class CardMailComposer
{
    public static MailMessage Compose(ToolRequest request, string jobId, string to, bool forApprover, IReadOnlyList<MailLink> links,
        string? academyName = null)
    {
        var status = MailText.Words(request.State);
        var lead = forApprover
            ? "This request waits for your decision. We could not reach you in Teams, so here it is by email: open it in Teams to approve, reject or ask a question."
            : $"Your request is now: {status}. We could not reach you in Teams, so here is the news by email; the card in Teams has the details.";
        return RequestSummary.Compose(request, jobId, to,
            subject: $"{MailText.Tag(request.Reference)} {(forApprover ? "Your decision is needed" : "Update")}: {MailText.OneLine(request.Intake.ToolName, 80)}",
            heading: $"AI tool request {request.Reference}: {request.Intake.ToolName}",
            lead: lead,
            conditions: null,
            reasons: request.Outcome.Reasons,
            academyName,
            links);
    }
}
