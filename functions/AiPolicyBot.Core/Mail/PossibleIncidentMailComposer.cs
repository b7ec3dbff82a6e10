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
    private const string Lead = "The requester could not confirm that no personal or commercially sensitive data has been " +
        "put into this tool yet. Please review it as a possible incident under the data-breach procedure, before the " +
        "request is decided. The approval cards in Teams show the same flag.";

    public static MailMessage Compose(ToolRequest request, string jobId, string to, string? academyName = null) =>
        RequestSummary.Compose(request, jobId, to,
            subject: $"{MailText.Tag(request.Reference)} Possible incident: data may already be in {MailText.OneLine(request.Intake.ToolName, 80)}",
            heading: $"Possible incident {request.Reference}: {request.Intake.ToolName}",
            lead: Lead,
            conditions: null,
            reasons: [.. request.Outcome.Reasons.Where(r => r.Rule.StartsWith("R0", StringComparison.Ordinal))],
            academyName);
}
