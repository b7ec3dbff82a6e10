namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// What to do with one triaged mail (docs/spec/triage.md). Decided by <see cref="TriageActionPlanner"/> (pure);
/// carried out by the inbox processor. Flags, not commands, so a resumed run can redo each idempotently.
/// </summary>
public sealed record TriageActionPlan(
    bool AlertDpo,
    bool CreateDraftRequest,
    bool ForwardToComplaints,
    bool AcknowledgeSender,
    bool SuggestAnswer,
    bool NoReply,
    string Folder)
{
    /// <summary>Outlook category set on the message, e.g. "AIP: breach".</summary>
    public string OutlookCategory => "AIP: " + Folder;

    /// <summary>The sender is not verified: the acknowledgement and draft wait until a person confirms the card.</summary>
    public bool HeldForPerson { get; init; }
}
