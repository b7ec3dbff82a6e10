using System.Globalization;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// The retraining step's refusal (docs/triage-quality.md "Retraining"): a candidate model replaces the current one
/// only if, on every evaluation set given to it, it keeps breach recall (the DPO must not miss a report) and loses no
/// more than <see cref="MacroF1Tolerance"/> of macro-F1. Sets are scored through the whole pipeline, as the service runs it.
/// </summary>
public static class TriageModelGate
{
    public const double MacroF1Tolerance = 0.01;

    public sealed record Figures(double MacroF1, double BreachRecall)
    {
        public static Figures Of(TriageEvaluation e) => new(e.MacroF1, e.PerClass[TriageCategory.Breach].Recall);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"macro-F1 {MacroF1:0.000}, breach recall {BreachRecall:0.000}");
    }

    /// <summary>Why <paramref name="candidate"/> is worse than <paramref name="current"/> on the named set (empty: not worse).</summary>
    public static IReadOnlyList<string> Regressions(string set, Figures current, Figures candidate)
    {
        var reasons = new List<string>();
        if (candidate.BreachRecall < current.BreachRecall - 1e-9)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{set}: breach recall {candidate.BreachRecall:0.000} < {current.BreachRecall:0.000}"));
        if (candidate.MacroF1 < current.MacroF1 - MacroF1Tolerance)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{set}: macro-F1 {candidate.MacroF1:0.000} < {current.MacroF1:0.000} - {MacroF1Tolerance}"));
        return reasons;
    }
}
