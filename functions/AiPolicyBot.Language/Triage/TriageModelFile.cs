using System.Text.Json;
using System.Text.Json.Serialization;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// What the training command writes next to the ML.NET model (Triage/Model/triage-model.json): the data it was
/// trained on, the calibration temperature, the decision thresholds and the cross-validated figures behind them.
/// </summary>
public sealed record TriageModelFile(
    string Version,
    string TrainingFingerprint,
    int TrainingRows,
    double Temperature,
    Dictionary<string, double> Accept,
    double PossibleBreachWithCue,
    double PossibleBreach,
    string[] ConfidentBreachRules,
    Dictionary<string, double> CrossValidated,
    TriageModelSettings? Settings = null,
    string? FeatureFingerprint = null,
    Dictionary<string, double>? CrossAuthor = null,
    double? PassageBreach = null,
    double? PassagePossible = null,
    double PassageBreachFloor = 0,
    string? CrossAuthorDecision = null)
{
    /// <summary>
    /// <see cref="CrossAuthorDecision"/> of figures measured under the two breach tiers, as the model runs (absent: a
    /// single tier, where every breach probability over the threshold was category breach; its category breach recall
    /// is not comparable with the tiers', its DPO-alert recall is).
    /// </summary>
    public const string TieredDecision = "two breach tiers";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// The recorded thresholds, run with the tiered breach override (docs/spec/triage.md "Breach"), as the training step
    /// chose them. The passage thresholds are absent (never reached) in a model without a passage model.
    /// </summary>
    public TriageThresholds Thresholds() =>
        new TriageThresholds(TriageCategories.Classes.ToDictionary(c => c, c => Accept.TryGetValue(c.WireName(), out var t) ? t : 0.5),
            PossibleBreachWithCue, PossibleBreach, ConfidentBreachRules.ToHashSet(StringComparer.Ordinal),
            PassageBreach: PassageBreach ?? TriageThresholds.Off, PassagePossible: PassagePossible ?? TriageThresholds.Off,
            PassageBreachFloor: PassageBreachFloor).Tiered();
}
