using System.Globalization;
using AiPolicyBot.Triage;

/// <summary>
/// The breach override's tiers compared on one model's scores (docs/triage-quality.md "Tiered breach override"): each
/// mail is read and scored once, then decided under every setting. Used by <c>--cross-author --tiers</c>, so the
/// settings are chosen on authors the model never saw.
/// </summary>
internal static class TierSweep
{
    /// <summary>Upper tiers compared: 0 = the single tier (any breach probability over the threshold is a breach); 1.01 = breach on top only.</summary>
    private static readonly double[] Uppers = [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.01];

    /// <summary>Lower floors for the possible marking compared (null: the model's own breach threshold).</summary>
    private static readonly double?[] Floors = [null, 0.05, 0.03];

    /// <summary>Floors for a possible breach with a breach sign compared (null: the model's own).</summary>
    private static readonly double?[] SignFloors = [null, 0.02, 0];

    public static IEnumerable<string> Rows(string scoredOn, TriageClassifier classifier, IReadOnlyList<LabelledMail> rows)
    {
        var evidence = rows.Select(r => classifier.Read(r.Mail)).ToList();
        var scores = evidence.Select(classifier.Model.Predict).ToList();
        var passages = evidence.Select(classifier.Model.BreachPassage).ToList();
        var uppers = evidence.Select(classifier.Model.BreachPassageUpper).ToList();
        var t = classifier.Model.Thresholds;
        var settings = from floor in Floors
                       from signFloor in SignFloors
                       from marketing in new[] { false, true }
                       from upper in Uppers
                       select (floor, signFloor, marketing, upper);
        foreach (var (floor, signFloor, marketing, upper) in settings)
        {
            var tiers = t with
            {
                BreachCategory = upper,
                MarketingNeedsBreachSign = marketing,
                PossibleBreach = floor is { } f ? Math.Min(f, t.PossibleBreach) : t.PossibleBreach,
                PossibleBreachWithCue = signFloor is { } g ? Math.Min(g, t.PossibleBreachWithCue) : t.PossibleBreachWithCue,
            };
            var items = rows.Select((r, i) =>
                (r, new TriageClassifier(new TriageOptions(), new ToolGazetteer([]), new Fixed(scores[i], passages[i], uppers[i], tiers)).Decide(evidence[i]))).ToList();
            var eval = TriageEvaluation.Of(items);
            var falseAlarms = items.Count(i => i.r.Expected != TriageCategory.Breach && TriageClassifier.AlertsDpo(i.Item2.Category, i.Item2.Signals));
            yield return string.Join(",", scoredOn, upper.ToString(CultureInfo.InvariantCulture), marketing ? "mkt-sign" : "-",
                floor?.ToString(CultureInfo.InvariantCulture) ?? "model", signFloor?.ToString(CultureInfo.InvariantCulture) ?? "model",
                F(eval.PerClass[TriageCategory.Breach].Recall), F(eval.PerClass[TriageCategory.Breach].Precision),
                F(eval.PerClass[TriageCategory.Marketing].Recall), F(eval.MacroF1), F(eval.AlertRecall), eval.PossibleMarks, falseAlarms);
        }
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private sealed class Fixed(IReadOnlyDictionary<TriageCategory, double> scores, double passage, double upper, TriageThresholds thresholds)
        : ITriageModel
    {
        public string Version => "tiers";
        public TriageThresholds Thresholds => thresholds;
        public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence) => scores;
        public double BreachPassage(TriageEvidence evidence) => passage;
        public double BreachPassageUpper(TriageEvidence evidence) => upper;
    }
}
