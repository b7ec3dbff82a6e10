using System.Globalization;
using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>Per-class precision/recall/F1, macro-F1, abstain rate and a confusion matrix for labelled mail.</summary>
public sealed record TriageEvaluation(
    IReadOnlyList<(LabelledMail Row, TriageResult Result)> Items,
    IReadOnlyDictionary<TriageCategory, (double Precision, double Recall, double F1, int Support)> PerClass,
    double MacroF1, double AbstainRate, double Accuracy)
{
    public static TriageEvaluation Run(TriageClassifier classifier, IReadOnlyList<LabelledMail> rows) =>
        Of(rows.Select(r => (r, classifier.Classify(r.Mail))).ToList());

    /// <summary>The figures of results already decided (e.g. one set of model scores under several decisions).</summary>
    public static TriageEvaluation Of(IReadOnlyList<(LabelledMail Row, TriageResult Result)> items)
    {
        var perClass = new Dictionary<TriageCategory, (double, double, double, int)>();
        foreach (var c in TriageCategories.Classes)
        {
            var tp = items.Count(i => i.Row.Expected == c && i.Result.Category == c);
            var predicted = items.Count(i => i.Result.Category == c);
            var actual = items.Count(i => i.Row.Expected == c);
            var p = predicted == 0 ? 0 : (double)tp / predicted;
            var rec = actual == 0 ? 0 : (double)tp / actual;
            perClass[c] = (p, rec, p + rec == 0 ? 0 : 2 * p * rec / (p + rec), actual);
        }
        var present = perClass.Where(kv => kv.Value.Item4 > 0).ToList();
        return new(items, perClass,
            present.Average(kv => kv.Value.Item3),
            items.Count == 0 ? 0 : (double)items.Count(i => i.Result.Category == TriageCategory.NeedsHuman) / items.Count,
            items.Count == 0 ? 0 : (double)items.Count(i => i.Result.Category == i.Row.Expected) / items.Count);
    }

    public IEnumerable<(LabelledMail Row, TriageResult Result)> Misses => Items.Where(i => i.Result.Category != i.Row.Expected);

    /// <summary>Mails marked "possible breach" (whatever their category), and how many of them are breaches.</summary>
    public int PossibleMarks => Items.Count(i => TriageClassifier.IsPossibleBreach(i.Result.Signals));

    public int PossibleBreaches => Items.Count(i => TriageClassifier.IsPossibleBreach(i.Result.Signals) && i.Row.Expected == TriageCategory.Breach);

    /// <summary>Share of the breaches the DPO is alerted to: category breach, or a possible breach in any category.</summary>
    public double AlertRecall
    {
        get
        {
            var breaches = Items.Where(i => i.Row.Expected == TriageCategory.Breach).ToList();
            return breaches.Count == 0 ? 0 : breaches.Count(i => TriageClassifier.AlertsDpo(i.Result.Category, i.Result.Signals)) / (double)breaches.Count;
        }
    }

    /// <summary>Markdown tables: the confusion matrix (rows = expected) and per-class figures, then the misses.</summary>
    public string ToMarkdown()
    {
        var cols = TriageCategories.Classes.Append(TriageCategory.NeedsHuman).ToList();
        var sb = new StringBuilder();
        sb.AppendLine($"breach recall **{F(PerClass[TriageCategory.Breach].Recall)}**, breach precision **{F(PerClass[TriageCategory.Breach].Precision)}**, " +
                      $"complaint recall **{F(PerClass[TriageCategory.Complaint].Recall)}**, marketing precision **{F(PerClass[TriageCategory.Marketing].Precision)}**, " +
                      $"macro-F1 **{F(MacroF1)}**, needsHuman **{(AbstainRate * 100).ToString("0.0", CultureInfo.InvariantCulture)} %**; " +
                      $"{PossibleMarks} marked possible breach ({PossibleBreaches} of them breaches); DPO alerted for **{F(AlertRecall)}** of the breaches.");
        sb.AppendLine();
        sb.AppendLine("| expected \\ predicted | " + string.Join(" | ", cols.Select(c => c.WireName())) + " |");
        sb.AppendLine("|---|" + string.Concat(cols.Select(_ => "---:|")));
        foreach (var e in TriageCategories.Classes)
            sb.AppendLine($"| **{e.WireName()}** | " + string.Join(" | ", cols.Select(p => Items.Count(i => i.Row.Expected == e && i.Result.Category == p))) + " |");
        sb.AppendLine();
        sb.AppendLine("| class | precision | recall | F1 | support |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (c, m) in PerClass)
            sb.AppendLine($"| {c.WireName()} | {F(m.Precision)} | {F(m.Recall)} | {F(m.F1)} | {m.Support} |");
        sb.AppendLine();
        sb.AppendLine($"macro-F1 **{F(MacroF1)}**, accuracy {F(Accuracy)}, abstain (needsHuman) **{(AbstainRate * 100).ToString("0.0", CultureInfo.InvariantCulture)} %** of {Items.Count} mails.");
        sb.AppendLine();
        sb.AppendLine("Misses (id: expected → predicted, confidence, signals):");
        sb.AppendLine();
        foreach (var (row, result) in Misses)
            sb.AppendLine($"- {row.Id}: {row.Expected.WireName()} → {result.Category.WireName()} ({F(result.Confidence)}) `{string.Join(' ', result.Signals)}`");
        return sb.ToString();
    }

    /// <summary>
    /// One Markdown table row's cells: breach R and P, complaint R, marketing P, macro-F1, needsHuman, possible breaches
    /// (of them breaches), DPO alerted for breaches.
    /// </summary>
    public string SummaryCells() =>
        $"{F(PerClass[TriageCategory.Breach].Recall)} | {F(PerClass[TriageCategory.Breach].Precision)} | {F(PerClass[TriageCategory.Complaint].Recall)} | " +
        $"{F(PerClass[TriageCategory.Marketing].Precision)} | {F(MacroF1)} | {(AbstainRate * 100).ToString("0.0", CultureInfo.InvariantCulture)} % | " +
        $"{PossibleMarks} ({PossibleBreaches}) | {F(AlertRecall)}";

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
