using System.Globalization;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// The retraining step's refusal (docs/triage-quality.md "Retraining"): a candidate model replaces the current one
/// only if, on every evaluation set given to it, the DPO is alerted to no fewer of the breaches (category breach or a
/// possible breach), no fewer are category breach, and no more than <see cref="MacroF1Tolerance"/> of macro-F1 is lost.
/// Sets are scored through the whole pipeline, as the service runs it.
/// </summary>
public static class TriageModelGate
{
    public const double MacroF1Tolerance = 0.01;

    /// <param name="BreachRecall">Category breach recall; null where it cannot be compared (recorded under another decision).</param>
    /// <param name="AlertRecall">Share of the breaches the DPO is alerted to: the same under a single breach tier and under two.</param>
    public sealed record Figures(double MacroF1, double? BreachRecall, double AlertRecall)
    {
        public static Figures Of(TriageEvaluation e) => new(e.MacroF1, e.PerClass[TriageCategory.Breach].Recall, e.AlertRecall);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"macro-F1 {MacroF1:0.000}, breach recall {(BreachRecall is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-")}, DPO alerted {AlertRecall:0.000}");
    }

    /// <summary>Why <paramref name="candidate"/> is worse than <paramref name="current"/> on the named set (empty: not worse).</summary>
    public static IReadOnlyList<string> Regressions(string set, Figures current, Figures candidate)
    {
        var reasons = new List<string>();
        if (candidate.AlertRecall < current.AlertRecall - 1e-9)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{set}: DPO alerted for {candidate.AlertRecall:0.000} < {current.AlertRecall:0.000} of the breaches"));
        if (candidate.BreachRecall is { } after && current.BreachRecall is { } before && after < before - 1e-9)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{set}: breach recall {after:0.000} < {before:0.000}"));
        if (candidate.MacroF1 < current.MacroF1 - MacroF1Tolerance)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{set}: macro-F1 {candidate.MacroF1:0.000} < {current.MacroF1:0.000} - {MacroF1Tolerance}"));
        return reasons;
    }
}
