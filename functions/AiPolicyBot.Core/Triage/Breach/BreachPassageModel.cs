namespace AiPolicyBot.Triage;

/// <summary>
/// The breach detector's own model (docs/spec/triage.md "Breach"): naive Bayes, breach or not, over the words of a
/// window of a few sentences of what the sender wrote (<see cref="BreachPassages"/>); a mail scores as
/// its strongest window. The whole-mail model reads a breach admitted in one sentence of a long complaint, a thank-you
/// or a forwarded chain as the rest of the mail; here the rest of the mail sits in other windows and cannot outweigh it.
/// Immutable and thread-safe.
/// </summary>
/// <param name="window">Sentences per window: a breach is usually told in one or two ("the PDF had a second page. It was another boy's report").</param>
public sealed class BreachPassageModel(NaiveBayesModel model, int window)
{
    public NaiveBayesModel Model { get; } = model;

    public int Window { get; } = window;

    /// <summary>The breach probability of the mail's strongest window (0 for a mail with no text).</summary>
    public double Strongest(TriageEvidence evidence) => Strongest(evidence.OwnSentences);

    /// <summary>The breach probability of the strongest window of <paramref name="sentences"/> (<see cref="BreachPassages.Sentences"/>).</summary>
    public double Strongest(IReadOnlyList<string> sentences)
    {
        var best = 0.0;
        foreach (var passage in BreachPassages.Windows(sentences, Window)) best = Math.Max(best, Score(passage));
        return best;
    }

    /// <summary>The breach probability of one passage.</summary>
    public double Score(string passage) => Model.Predict(TriageFeatures.Words(passage)).GetValueOrDefault(TriageCategory.Breach);

    public static BreachPassageModel FromTables(NaiveBayesModel.Tables tables, int window) => new(NaiveBayesModel.FromTables(tables), window);

    /// <summary>
    /// The tables of labelled mail, which has no labels per sentence. Every window of a mail that is not a breach is
    /// "not a breach". Of a breach report only the window that most looks like one is "breach": the rest is greetings
    /// and context, and would teach the model that a complaint's wording is a breach's. That window is chosen by a first
    /// model, trained on every window of every breach report. Each distinct window counts once (one message wrapped in
    /// several shapes is not learnt several times). Deterministic: rows in the order given.
    /// </summary>
    public static NaiveBayesModel.Tables Count(IReadOnlyList<TriageEvidence> evidence, IReadOnlyList<TriageCategory> labels, int window)
    {
        var negatives = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<List<string>>();
        for (var i = 0; i < evidence.Count; i++)
        {
            var windows = BreachPassages.Windows(evidence[i].OwnSentences, window).ToList();
            if (labels[i] == TriageCategory.Breach) reports.Add(windows);
            else negatives.AddRange(windows.Where(seen.Add));
        }
        var allOfReports = reports.SelectMany(w => w).Distinct(StringComparer.Ordinal).ToList();
        var first = FromTables(Tables(negatives, allOfReports), window);
        var strongest = reports.Where(w => w.Count > 0).Select(w => w.MaxBy(first.Score)!).Distinct(StringComparer.Ordinal).ToList();
        return Tables(negatives, strongest);
    }

    private static NaiveBayesModel.Tables Tables(IReadOnlyList<string> notBreach, IReadOnlyList<string> breach) =>
        NaiveBayesModel.Count(
            breach.Select(p => ((IReadOnlyList<string>)TriageFeatures.Words(p), TriageCategory.Breach))
                .Concat(notBreach.Select(p => ((IReadOnlyList<string>)TriageFeatures.Words(p), TriageCategory.Other)))
                .ToList());
}
