using System.Globalization;
using AiPolicyBot.Incidents;
using AiPolicyBot.Requests;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Application.Incidents;

/// <summary>
/// What each source puts in a new case: ids, categories, times and rule names, never what anybody wrote (no mail
/// body or subject, no chat text, no request purpose). The source key makes the same cause one case.
/// </summary>
public static class IncidentOpenings
{
    /// <summary>R0: the requester said personal data may already be in the (unapproved) tool.</summary>
    public static IncidentOpening FromRequest(ToolRequest r) => new(
        "request:" + r.Reference,
        IncidentSource.RequestDeclaration,
        IncidentSeverity.Medium,
        r.SubmittedAt,
        [
            new("Request", r.Reference),
            new("Tool", r.Intake.ToolName),
            new("Data the requester named", string.Join(", ", r.Intake.DataCategories.Select(d => d.ToString()))),
            new("Declared", "Personal or sensitive data may already have been entered into the tool (rule R0)"),
        ],
        r.RequesterId,
        r.Intake.AcademyId,
        r.Reference);

    /// <summary>A mail triaged as a breach: confident (high) or possible (medium, a person must look).</summary>
    public static IncidentOpening FromTriage(TriageRecord r)
    {
        var possible = TriageClassifier.IsPossibleBreach(r.Signals);
        return new(
            "triage:" + r.Key,
            IncidentSource.BreachMail,
            possible ? IncidentSeverity.Medium : IncidentSeverity.High,
            r.ReceivedAt,
            [
                new("Triage", possible ? "Possible breach (triage is unsure)" : "Breach report"),
                new("Confidence", r.Confidence.ToString("0.00", CultureInfo.InvariantCulture)),
                new("Evidence", string.Join(", ", r.Signals)),
                new("Personal data seen", r.PersonalData.Count == 0 ? "none detected" : string.Join(", ", r.PersonalData)),
                new("Triage id", r.Key[..Math.Min(16, r.Key.Length)]),
            ],
            "mailbox",
            Origin: r.Key[..Math.Min(16, r.Key.Length)]);
    }

    /// <summary>A concern raised in the chat with the bot (the person chose "report to the DPO").</summary>
    public static IncidentOpening FromChat(string userId, string conversationKey, DateTimeOffset at, string? academyId) => new(
        "chat:" + conversationKey,
        IncidentSource.ChatConcern,
        IncidentSeverity.Low,
        at,
        [
            new("Raised", "In the chat with AiPolicyBot; the DPO contacts the person for the details (nothing they wrote is kept here)"),
            new("Raised by (directory id)", userId),
        ],
        userId,
        academyId ?? "unknown");
}
