using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// An understood message: the intent (or <see cref="Intent.Clarify"/> with the <see cref="Candidates"/> to offer),
/// how sure the model is, the register tool it names (or a product name not in the register), the use hints and the
/// academy it names.
/// </summary>
public sealed record UnderstoodMessage(Intent Intent, RegisterEntry? Tool, string? UnknownToolName, UseHints Hints, string Text)
{
    /// <summary>The calibrated probability of the most likely intent (1 for an exact command or a reference number).</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>For <see cref="Intent.Clarify"/>: the intents offered as buttons, most likely first (2–4). Else empty.</summary>
    public IReadOnlyList<Intent> Candidates { get; init; } = [];

    /// <summary>An academy the message names ("at Brookmere"), as its configured id; null when none is named.</summary>
    public string? Academy { get; init; }

    /// <summary>"chatgpt-free", "unknown:Perplexity" or null, as labelled in chat-dev.jsonl.</summary>
    public string? ToolLabel => Tool is not null ? Tool.Id : UnknownToolName is not null ? "unknown:" + UnknownToolName : null;

    /// <summary>The tool name to show or prefill: the register name, else the name as typed.</summary>
    public string? ToolName => Tool?.Name ?? UnknownToolName;

    /// <summary>This understanding answered as one intent (a clarifying button was chosen).</summary>
    public UnderstoodMessage As(Intent intent) => this with { Intent = intent, Candidates = [], Confidence = 1 };
}

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
