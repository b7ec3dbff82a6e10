using AiPolicyBot.Policy;

namespace AiPolicyBot.Register;

/// <summary>
/// One AI tool in the register (docs/policy-and-register.md). Routing reads id, name, aliases, status,
/// scope, conditions and reviewBy; the rest is shown to people.
/// </summary>
public sealed record RegisterEntry
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Vendor { get; init; }
    public Edition? Edition { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required RegisterStatus Status { get; init; }
    public RegisterScope Scope { get; init; } = new();
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public DateOnly? ReviewBy { get; init; }
    /// <summary>Why the Trust decided as it did (shown for declined and retired tools).</summary>
    public string? DecisionReason { get; init; }
    /// <summary>The request reference (AIP-YYYY-NNNN) of the decision that set this entry, when there was one.</summary>
    public string? DecisionReference { get; init; }
    /// <summary>A short plain-English description for cards.</summary>
    public string? Description { get; init; }
    public string? Url { get; init; }
    /// <summary>How staff reach the tool (web, extension, app…); shown to people, not used by routing.</summary>
    public AccessMode? AccessMode { get; init; }
    /// <summary>The Trust's own training for this tool, shown on answers and in the register tab.</summary>
    public string? TrainingUrl { get; init; }
    /// <summary>Who decided (a role or a person's name as the Trust records it, never an object id).</summary>
    public string? DecidedBy { get; init; }
    public DateOnly? DecidedOn { get; init; }
    /// <summary>The AI policy sections the decision rests on, e.g. "3.4".</summary>
    public IReadOnlyList<string> PolicySections { get; init; } = [];
    /// <summary>
    /// Go-live checks still open on the approval that set this entry (their titles). Not empty: "approved, checks
    /// pending": nobody may use the tool until they are ticked (docs/spec/due-diligence.md).
    /// </summary>
    public IReadOnlyList<string> ChecksPending { get; init; } = [];
}

public enum RegisterStatus { Approved, ApprovedNoPersonalData, UnderReview, Declined, Retired, NotAssessed }

/// <summary>Who and what an entry covers. Null means "no restriction" (or the status default for DataAllowed).</summary>
public sealed record RegisterScope
{
    public UserGroup? Users { get; init; }
    public YearGroup? MinYearGroup { get; init; }
    /// <summary>Null: true for approved, false for approvedNoPersonalData (which is always false).</summary>
    public bool? DataAllowed { get; init; }
    /// <summary>Null = "all".</summary>
    public IReadOnlyList<string>? Academies { get; init; }
    /// <summary>Null = "all".</summary>
    public IReadOnlyList<UseCategory>? UseCategories { get; init; }
}
