namespace AiPolicyBot.Incidents;

/// <summary>Who acts on a case: the Entra object id and display name.</summary>
public sealed record IncidentActor(string UserId, string Name);

public abstract record IncidentCommand(IncidentActor Actor);

/// <summary>The DPO decides whether the breach is reportable to the ICO; the reason is required either way.</summary>
public sealed record DecideIncidentCommand(IncidentActor Actor, bool? ReportableToIco, string? Reason) : IncidentCommand(Actor);

public sealed record AddIncidentActionCommand(IncidentActor Actor, string? Text) : IncidentCommand(Actor);

public sealed record CloseIncidentCommand(IncidentActor Actor, string? Note) : IncidentCommand(Actor);

public enum IncidentCommandStatus { Applied, Invalid, NotAllowed }

/// <summary>The case after a command, or why it was refused (<see cref="Problem"/> is plain English for the card or page).</summary>
public sealed record IncidentCommandResult(IncidentCommandStatus Status, IncidentCase Case, string? Problem = null, string? Field = null)
{
    public static IncidentCommandResult Invalid(IncidentCase c, string field, string problem) => new(IncidentCommandStatus.Invalid, c, problem, field);
}

/// <summary>
/// The rules of a case (docs/spec/incidents.md): only the DPO decides and closes; the DPO and the Information
/// Assurance team add actions; a decision is made once and always has a reason; a case closes only after its
/// decision; nothing changes a closed case. Pure: the caller stores the result and audits it.
/// </summary>
public static class IncidentRules
{
    public const int MaxTextLength = 1000;

    public static IncidentCommandResult Apply(IncidentCase c, IncidentCommand command, IncidentRoles roles, DateTimeOffset now)
    {
        if (!roles.CanSee) return new(IncidentCommandStatus.NotAllowed, c, "Only the DPO and the Information Assurance team see incident cases.");
        if (c.State == IncidentState.Closed) return IncidentCommandResult.Invalid(c, "state", "The case is closed.");
        switch (command)
        {
            case DecideIncidentCommand d:
                if (!roles.IsDpo) return new(IncidentCommandStatus.NotAllowed, c, "Only the DPO records the decision.");
                if (c.Decision is not null) return IncidentCommandResult.Invalid(c, "decision", "The decision is already recorded.");
                if (d.ReportableToIco is not { } reportable) return IncidentCommandResult.Invalid(c, "reportable", "Say whether the breach is reportable to the ICO.");
                if (Text(d.Reason) is not { } reason) return IncidentCommandResult.Invalid(c, "reason", "Give the reason for the decision.");
                return new(IncidentCommandStatus.Applied, c with
                {
                    State = IncidentState.Decided,
                    Decision = new IncidentDecision(reportable, reason, d.Actor.UserId, d.Actor.Name, now),
                });
            case AddIncidentActionCommand a:
                if (Text(a.Text) is not { } text) return IncidentCommandResult.Invalid(c, "action", "Describe the action.");
                if (c.Actions.Count >= 100) return IncidentCommandResult.Invalid(c, "action", "A case holds at most 100 actions.");
                return new(IncidentCommandStatus.Applied, c with { Actions = [.. c.Actions, new IncidentAction(text, a.Actor.UserId, a.Actor.Name, now)] });
            case CloseIncidentCommand close:
                if (!roles.IsDpo) return new(IncidentCommandStatus.NotAllowed, c, "Only the DPO closes a case.");
                if (c.Decision is null) return IncidentCommandResult.Invalid(c, "decision", "Record the decision (reportable to the ICO or not) before closing.");
                var note = close.Note is null ? null : Text(close.Note);
                if (close.Note is { Length: > MaxTextLength }) return IncidentCommandResult.Invalid(c, "note", $"The note is longer than {MaxTextLength} characters.");
                return new(IncidentCommandStatus.Applied, c with { State = IncidentState.Closed, ClosedAt = now, ClosedByName = close.Actor.Name, ClosingNote = note });
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown incident command.");
        }
    }

    /// <summary>Trimmed text within bounds, or null when empty or too long.</summary>
    private static string? Text(string? value) =>
        value?.Trim() is { Length: > 0 and <= MaxTextLength } t ? t : null;
}

/// <summary>What a person may do with cases: see them (DPO, Information Assurance, administrators), and decide or close (DPO).</summary>
public sealed record IncidentRoles(bool CanSee, bool IsDpo)
{
    public static readonly IncidentRoles None = new(false, false);
}
