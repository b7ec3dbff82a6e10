namespace AiPolicyBot.Triage;

/// <summary>
/// The statistical layer (docs/spec/triage.md "Model"): class probabilities for one mail's evidence, and the
/// thresholds chosen with it. Core holds the contract and a naive Bayes fallback; the trained ML.NET model lives in
/// AiPolicyBot.Language. Implementations are immutable and thread-safe.
/// </summary>
public interface ITriageModel
{
    /// <summary>Names the model and the data it was trained on, e.g. "sdca-3f2a91c0" (recorded with each triage).</summary>
    string Version { get; }

    /// <summary>Probabilities of the seven classes (<see cref="TriageCategories.Classes"/>), summing to 1.</summary>
    IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence);

    /// <summary>
    /// The breach detector's own model (<see cref="BreachPassageModel"/>, docs/spec/triage.md "Breach"): the breach
    /// probability of the strongest passage of what the sender wrote, which the rest of the mail cannot dilute; 0 for a
    /// model that has none.
    /// </summary>
    double BreachPassage(TriageEvidence evidence);

    /// <summary>
    /// The passage score the upper passage tier (category breach) reads: <see cref="BreachPassage"/> unless the model
    /// asks a second passage model to confirm a breach passage (docs/triage-quality.md "What was tried").
    /// </summary>
    double BreachPassageUpper(TriageEvidence evidence) => BreachPassage(evidence);

    TriageThresholds Thresholds { get; }
}

/// <summary>
/// Where the model's scores turn into decisions. <see cref="Accept"/>: a top class below its threshold →
/// needsHuman. <see cref="PossibleBreachWithCue"/>: breach probability that, with a breach cue from the detector,
/// makes a "possible breach"; <see cref="PossibleBreach"/>: the same without a cue. <see cref="ConfidentBreachRules"/>:
/// the breach rules precise enough on the training mail to decide a breach alone (null: every decisive breach rule).
/// <see cref="BreachCategory"/>: the upper tier of the breach override (docs/spec/triage.md "Breach"): a breach
/// probability at or above it (and the breach threshold) makes category breach even when another class is on top;
/// between the breach threshold and it, the mail keeps its category and is marked possible breach.
/// <see cref="MarketingNeedsBreachSign"/>: mail the model reads as marketing from an outside sender reaches the upper
/// tier only with a breach sign (a breach rule or an event cue), else it is at most a possible breach.
/// <see cref="PassageBreach"/> and <see cref="PassagePossible"/>: the same two tiers on the strongest passage's breach
/// probability (<see cref="ITriageModel.BreachPassage"/>): at or above the first, with a whole-mail breach probability of
/// at least <see cref="PassageBreachFloor"/>, category breach; at or above the second, a possible breach
/// (<see cref="Off"/>: never).
/// </summary>
public sealed record TriageThresholds(
    IReadOnlyDictionary<TriageCategory, double> Accept, double PossibleBreachWithCue, double PossibleBreach,
    IReadOnlySet<string>? ConfidentBreachRules = null, double BreachCategory = 0, bool MarketingNeedsBreachSign = false,
    double PassageBreach = TriageThresholds.Off, double PassagePossible = TriageThresholds.Off, double PassageBreachFloor = 0)
{
    /// <summary>A threshold no probability reaches.</summary>
    public const double Off = 1.01;

    /// <summary>
    /// The upper tier the trained model is run with, chosen on the leave-one-author-out figures (docs/triage-quality.md
    /// "Tiered breach override"). A decision setting applied when the model is loaded, so no retraining: the training
    /// step still sets the other thresholds for the single tier (the defaults here).
    /// </summary>
    public const double UpperBreachTier = 0.40;

    /// <summary>The two tiers as the trained model runs them.</summary>
    public TriageThresholds Tiered() => this with { BreachCategory = UpperBreachTier, MarketingNeedsBreachSign = true };

    /// <summary>Breach probability from which breach is the category although another class is on top.</summary>
    public double BreachCategoryFloor => Math.Max(BreachCategory, AcceptFor(TriageCategory.Breach));

    /// <summary>Whether a breach rule that fired on the sender's own text decides a breach without the model.</summary>
    public bool IsConfident(string ruleId) =>
        ruleId == PriorityRules.TimedOut.Id || ConfidentBreachRules is null || ConfidentBreachRules.Contains(ruleId);

    public static TriageThresholds Uniform(double accept, double possibleWithCue, double possible) =>
        new(TriageCategories.Classes.ToDictionary(c => c, _ => accept), possibleWithCue, possible);

    public double AcceptFor(TriageCategory c) => Accept.TryGetValue(c, out var t) ? t : 0.5;
}
