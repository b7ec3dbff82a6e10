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
    Dictionary<string, double>? CrossAuthor = null)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The recorded thresholds, run with the tiered breach override (docs/spec/triage.md "Breach").</summary>
    public TriageThresholds Thresholds() =>
        new TriageThresholds(TriageCategories.Classes.ToDictionary(c => c, c => Accept.TryGetValue(c.WireName(), out var t) ? t : 0.5),
            PossibleBreachWithCue, PossibleBreach, ConfidentBreachRules.ToHashSet(StringComparer.Ordinal)).Tiered();
}
