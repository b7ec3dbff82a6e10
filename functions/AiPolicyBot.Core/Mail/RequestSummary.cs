using System.Text;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Mail;

/// <summary>
/// The request summary block shared by the decision, submitted and possible-incident mails: label/value rows,
/// rendered as an HTML table (every value HTML-encoded) and as aligned plain text.
/// </summary>
internal static class RequestSummary
{
    /// <param name="academyName">What people call the academy (configured names live with the host); else its id.</param>
    public static IReadOnlyList<(string Label, string Value)> Rows(ToolRequest request, string? academyName = null)
    {
        var intake = request.Intake;
        return
        [
            ("Reference", request.Reference),
            ("Tool", intake.ToolName),
            ("Vendor", string.IsNullOrWhiteSpace(intake.Vendor) ? "not stated" : intake.Vendor),
            ("Edition", MailText.Words(intake.Edition)),
            ("Academy", academyName ?? intake.AcademyId),
            ("Requester", request.RequesterName),
            ("Purpose", intake.Purpose),
            ("Use", MailText.Words(intake.UseCategory)),
            ("Users", MailText.Words(intake.Users)),
            ("Data categories", intake.DataCategories.Count == 0 ? "none" : string.Join(", ", intake.DataCategories.Select(MailText.Words))),
            ("Routing", MailText.Words(request.Outcome.Tier)),
            ("Submitted", MailText.Time(request.SubmittedAt)),
        ];
    }

    public static void AppendHtml(StringBuilder html, IEnumerable<(string Label, string Value)> rows)
    {
        html.Append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
        foreach (var (label, value) in rows)
            html.Append("<tr><th align=\"left\" valign=\"top\">").Append(MailText.Html(label))
                .Append("</th><td>").Append(MailText.Html(value)).Append("</td></tr>");
        html.Append("</table>");
    }

    public static void AppendText(StringBuilder text, IEnumerable<(string Label, string Value)> rows)
    {
        foreach (var (label, value) in rows)
            text.Append(label).Append(": ").Append(value.Replace("\r\n", "\n").Replace("\n", "\n    ")).Append('\n');
    }

    /// <summary>Conditions of the outcome, added by approvers, and per decision: sorted, no duplicates.</summary>
    public static IReadOnlyList<string> AllConditions(ToolRequest request, IEnumerable<ApprovalDecision> decisions) =>
        request.Outcome.Conditions
            .Concat(request.AddedConditions)
            .Concat(decisions.SelectMany(d => d.Conditions))
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static void AppendConditionsHtml(StringBuilder html, IReadOnlyList<string> conditions)
    {
        html.Append("<h3>Conditions</h3>");
        if (conditions.Count == 0) { html.Append("<p>None.</p>"); return; }
        html.Append("<ul>");
        foreach (var c in conditions)
        {
            html.Append("<li>").Append(MailText.Html(ConditionDescriptions.Describe(c)));
            if (ConditionDescriptions.IsKnown(c)) html.Append(" <small>(").Append(MailText.Html(c)).Append(")</small>");
            html.Append("</li>");
        }
        html.Append("</ul>");
    }

    public static void AppendConditionsText(StringBuilder text, IReadOnlyList<string> conditions)
    {
        text.Append("\nConditions:\n");
        if (conditions.Count == 0) { text.Append("  None.\n"); return; }
        foreach (var c in conditions)
        {
            text.Append("  - ").Append(ConditionDescriptions.Describe(c));
            if (ConditionDescriptions.IsKnown(c)) text.Append(" (").Append(c).Append(')');
            text.Append('\n');
        }
    }

    public static void AppendReasonsHtml(StringBuilder html, IReadOnlyList<RoutingReason> reasons)
    {
        html.Append("<h3>Reasons</h3>");
        if (reasons.Count == 0) { html.Append("<p>None recorded.</p>"); return; }
        html.Append("<ul>");
        foreach (var r in reasons)
            html.Append("<li>").Append(MailText.Html(r.Text))
                .Append(" <small>(policy ").Append(MailText.Html(Section(r.PolicySection)))
                .Append(", rule ").Append(MailText.Html(r.Rule)).Append(")</small></li>");
        html.Append("</ul>");
    }

    public static void AppendReasonsText(StringBuilder text, IReadOnlyList<RoutingReason> reasons)
    {
        text.Append("\nReasons:\n");
        if (reasons.Count == 0) { text.Append("  None recorded.\n"); return; }
        foreach (var r in reasons)
            text.Append("  - ").Append(r.Text).Append(" (policy ").Append(Section(r.PolicySection))
                .Append(", rule ").Append(r.Rule).Append(")\n");
    }

    /// <summary>
    /// A mail about one request to the IA mailbox: a heading, one lead paragraph, the summary rows, the conditions
    /// (when given) and the reasons; HTML and plain text alike, user text HTML-encoded.
    /// </summary>
    public static MailMessage Compose(ToolRequest request, string jobId, string to, string subject, string heading, string lead,
        IReadOnlyList<string>? conditions, IReadOnlyList<RoutingReason> reasons, string? academyName, IReadOnlyList<MailLink>? links = null)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append("<h2>").Append(MailText.Html(heading)).Append("</h2>");
        html.Append("<p>").Append(MailText.Html(lead)).Append("</p>");
        AppendLinksHtml(html, links);
        AppendHtml(html, Rows(request, academyName));
        if (conditions is not null) AppendConditionsHtml(html, conditions);
        AppendReasonsHtml(html, reasons);
        html.Append("</body></html>");

        var text = new StringBuilder(2048);
        text.Append(heading).Append("\n\n").Append(lead).Append("\n\n");
        AppendLinksText(text, links);
        AppendText(text, Rows(request, academyName));
        if (conditions is not null) AppendConditionsText(text, conditions);
        AppendReasonsText(text, reasons);

        return new MailMessage(jobId, to, subject, html.ToString(), text.ToString(), MailMessage.StandardHeaders(jobId, request.Reference));
    }

    /// <summary>Links into Teams (the request's card, the register tab): only our own https deep links, never user text.</summary>
    public static void AppendLinksHtml(StringBuilder html, IReadOnlyList<MailLink>? links)
    {
        if (links is not { Count: > 0 }) return;
        html.Append("<p>");
        foreach (var link in links)
            html.Append("<a href=\"").Append(MailText.Html(link.Url)).Append("\">").Append(MailText.Html(link.Title)).Append("</a><br>");
        html.Append("</p>");
    }

    public static void AppendLinksText(StringBuilder text, IReadOnlyList<MailLink>? links)
    {
        if (links is not { Count: > 0 }) return;
        foreach (var link in links) text.Append(link.Title).Append(": ").Append(link.Url).Append('\n');
        text.Append('\n');
    }

    /// <summary>"4.1" → "§4.1"; a section already written with § is kept.</summary>
    private static string Section(string section) => section.StartsWith('§') ? section : "§" + section;
}

/// <summary>A link in an email: what it opens, and the address.</summary>
public sealed record MailLink(string Title, string Url);
