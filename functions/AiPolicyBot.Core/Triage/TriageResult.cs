using System.Text.Json.Serialization;

namespace AiPolicyBot.Triage;

/// <summary>
/// The preview response (docs/spec/triage.md "Mapping"). <see cref="Reference"/> is always
/// written, as null when no [AIP-…] reference was found.
/// </summary>
public sealed record TriageResult(
    TriageCategory Category,
    double Confidence,
    IReadOnlyList<string> Signals,
    IReadOnlyList<string> PersonalData,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Reference);
