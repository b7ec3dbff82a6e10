namespace AiPolicyBot.Teams.Incidents;

/// <summary>The Action.Execute verbs of incident cards (one handler class each) and the input ids they read.</summary>
public static class IncidentVerbs
{
    public const string Refresh = "incident.refresh";
    public const string Decide = "incident.decide";
    public const string AddAction = "incident.addAction";
    public const string Close = "incident.close";
    /// <summary>A member of staff reports a concern from the chat: opens a case (no message content kept).</summary>
    public const string Raise = "incident.raise";

    public static class Inputs
    {
        public const string Reportable = "reportable";
        public const string Reason = "reason";
        public const string Action = "action";
        public const string Note = "note";
    }
}

/// <summary>The only data an incident card action carries: the case id. State is always loaded from storage.</summary>
public sealed record IncidentActionData(string CaseId);
