using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// The classifier the service runs (the preview endpoint, the inbox) and the scoring tool measures: Core's pipeline
/// on the committed ML.NET model. One place, so what is measured is what runs.
/// </summary>
public static class TriageClassifiers
{
    public static TriageClassifier Service(TriageOptions options, IEnumerable<string> knownToolNames) =>
        TriageClassifier.Create(options, knownToolNames, MlTriageModel.LoadEmbedded());
}
