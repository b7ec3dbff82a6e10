namespace AiPolicyBot.Incidents;

/// <summary>Where a case came from (docs/spec/incidents.md).</summary>
public enum IncidentSource
{
    /// <summary>A requester declared personal data may already be in an unapproved tool (rule R0).</summary>
    RequestDeclaration,
    /// <summary>Mailbox triage found a breach report (confident or possible).</summary>
    BreachMail,
    /// <summary>A member of staff raised a concern in the chat with the bot.</summary>
    ChatConcern,
}

public enum IncidentSeverity { Low, Medium, High }

/// <summary>Open (the clock runs), Decided (the DPO said whether the ICO must hear), Closed (actions done).</summary>
public enum IncidentState { Open, Decided, Closed }

/// <summary>One line of what is known, never message content: ids, categories, times, rule names.</summary>
public sealed record IncidentFact(string Label, string Value);

/// <summary>The DPO's decision under UK GDPR article 33: is the breach reportable to the ICO, and why (always written down).</summary>
public sealed record IncidentDecision(bool ReportableToIco, string Reason, string DecidedById, string DecidedByName, DateTimeOffset DecidedAt);

/// <summary>Something done about the case (contain, tell the people affected, ask the vendor to delete…).</summary>
public sealed record IncidentAction(string Text, string ById, string ByName, DateTimeOffset At);

/// <summary>
/// An incident case: who owns the 72-hour clock, what is known (facts without message content), the DPO's decision,
/// the actions and the closure. <see cref="SourceKey"/> names the cause ("request:AIP-2026-0042", "triage:…") so the
/// same cause opens one case however often it is reported.
/// </summary>
public sealed record IncidentCase
{
    public required string Id { get; init; }
    public required string SourceKey { get; init; }
    public required IncidentSource Source { get; init; }
    public required IncidentSeverity Severity { get; init; }
    public IncidentState State { get; init; } = IncidentState.Open;
    public required DateTimeOffset OpenedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>The academy concerned, when known ("trust" or "unknown" otherwise).</summary>
    public string AcademyId { get; init; } = "unknown";
    /// <summary>The request reference or triage id the case came from, for people to find the original.</summary>
    public string? Origin { get; init; }
    public IReadOnlyList<IncidentFact> Facts { get; init; } = [];
    public IncidentDecision? Decision { get; init; }
    public IReadOnlyList<IncidentAction> Actions { get; init; } = [];
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedByName { get; init; }
    public string? ClosingNote { get; init; }
    /// <summary>The reminders already sent (hours after opening: 24, 48).</summary>
    public IReadOnlyList<int> RemindersSent { get; init; } = [];

    public bool IsOpen => State != IncidentState.Closed;

    /// <summary>Whole hours from opening to the DPO's decision (null until decided).</summary>
    public double? HoursToDecision => Decision is { } d ? Math.Round((d.DecidedAt - OpenedAt).TotalHours, 1) : null;
}
