namespace AiPolicyBot.Triage;

/// <summary>
/// The fallback statistical layer: <see cref="NaiveBayesModel"/> over <see cref="TriageFeatures"/> tokens, trained in
/// well under a second from the synthetic set embedded in Core. The service uses the trained ML.NET model
/// (AiPolicyBot.Language); this one keeps Core's pipeline testable on its own.
/// </summary>
public sealed class NaiveBayesTriageModel(NaiveBayesModel model, TriageThresholds thresholds) : ITriageModel
{
    public NaiveBayesModel Model { get; } = model;

    public string Version => "naive-bayes";

    public TriageThresholds Thresholds { get; } = thresholds;

    public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence)
    {
        var scores = Model.Predict(TriageFeatures.Build(evidence));
        return TriageCategories.Classes.ToDictionary(c => c, c => scores.GetValueOrDefault(c));
    }

    /// <summary>The fallback has no breach passage model: its thresholds could not be chosen on unseen authors.</summary>
    public double BreachPassage(TriageEvidence evidence) => 0;

    public static NaiveBayesTriageModel Train(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels, TriageOptions options) =>
        FromTables(Count(evidence, labels), options);

    /// <summary>The naive Bayes tables of labelled evidence (to store with a trained model).</summary>
    public static NaiveBayesModel.Tables Count(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels) =>
        NaiveBayesModel.Count(evidence.Zip(labels, (e, l) => (TriageFeatures.Build(e), l)).ToList());

    public static NaiveBayesTriageModel FromTables(NaiveBayesModel.Tables tables, TriageOptions options) =>
        new(NaiveBayesModel.FromTables(tables), TriageThresholds.Uniform(options.AbstainThreshold, possibleWithCue: 0.35, possible: 0.6));
}
