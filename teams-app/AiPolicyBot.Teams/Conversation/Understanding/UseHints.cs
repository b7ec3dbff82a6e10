using AiPolicyBot.Policy;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// What the message says about the intended use, used to answer precisely and to prefill the request wizard.
/// Every field is a hint, never an answer the person gave: the wizard still asks.
/// </summary>
public sealed record UseHints
{
    public static readonly UseHints None = new();

    public UseCategory? UseCategory { get; init; }

    /// <summary>Personal-data categories the text mentions ("with pupil names" → pupil). Empty when none is mentioned.</summary>
    public IReadOnlyList<DataCategory> DataCategories { get; init; } = [];

    /// <summary>The text says no personal data will go in ("anonymised", "nothing about pupils").</summary>
    public bool SaysNoPersonalData { get; init; }

    /// <summary>Learners would use the tool themselves ("can pupils use", "my Year 8s").</summary>
    public bool LearnersUse { get; init; }

    public YearGroup? YoungestYearGroup { get; init; }

    /// <summary>A request reference in the text (AIP-YYYY-NNNN).</summary>
    public string? Reference { get; init; }

    /// <summary>The text is about a renewal or re-review ("again", "renew").</summary>
    public bool Renewal { get; init; }

    public bool MentionsPersonalData => DataCategories.Count > 0;
}
