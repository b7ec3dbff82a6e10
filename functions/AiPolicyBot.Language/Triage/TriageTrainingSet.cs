using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// The labelled mail the triage model learns from, all in the repository (Triage/TrainingData/README.md): author A
/// (helper-written mail built from hand-written cores, plus the template set embedded in Core) and authors B to F
/// (whole mails, each author writing independently). The committed model trains on all of them; the development
/// measure leaves one author out, trains on the others and scores the one left out (docs/triage-quality.md), because
/// a slice of one author's own mail flatters a model. Candidate authors (G, H, and S: the spent blind sets) are
/// committed and measured with the others (<c>--candidates</c>) but not trained on: the retraining run that added them
/// was refused by the gate (docs/triage-quality.md "Latest round").
/// </summary>
public static class TriageTrainingSet
{
    public static IReadOnlyList<LabelledMail> AuthorA()
    {
        var rows = Embedded("part-").ToList();
        rows.AddRange(LabelledMail.EmbeddedTrainingSet());
        return rows;
    }

    public static IReadOnlyList<LabelledMail> AuthorB() => Embedded("author-b-").ToList();

    public static IReadOnlyList<LabelledMail> AuthorC() => Embedded("author-c-").ToList();

    public static IReadOnlyList<LabelledMail> AuthorD() => Embedded("author-d-").ToList();

    public static IReadOnlyList<LabelledMail> AuthorE() => Embedded("author-e-").ToList();

    public static IReadOnlyList<LabelledMail> AuthorF() => Embedded("author-f-").ToList();

    public static IReadOnlyList<LabelledMail> AuthorG() => Embedded("author-g-").ToList();

    public static IReadOnlyList<LabelledMail> AuthorH() => Embedded("author-h-").ToList();

    /// <summary>
    /// Author S: the spent blind sets (tests/fixtures/triage-blind-*.jsonl, nine since blind-9 was measured; embedded from where they stand): measured once
    /// each when they were unseen, now training mail and no longer a measure (docs/triage-quality.md).
    /// </summary>
    public static IReadOnlyList<LabelledMail> SpentBlindSets() => Embedded("author-s-").ToList();

    /// <summary>The authors of whole mails, each mail written independently (B to H, and S).</summary>
    public static IReadOnlyList<IReadOnlyList<LabelledMail>> WholeMailAuthors() =>
        [AuthorB(), AuthorC(), AuthorD(), AuthorE(), AuthorF(), AuthorG(), AuthorH(), SpentBlindSets()];

    /// <summary>Every author's mail the committed model trains on, by name, in training order (authors with no embedded mail left out).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<LabelledMail> Rows)> Authors() =>
        new (string Name, IReadOnlyList<LabelledMail> Rows)[]
            {
                ("A", AuthorA()), ("B", AuthorB()), ("C", AuthorC()), ("D", AuthorD()), ("E", AuthorE()), ("F", AuthorF()),
            }
            .Where(a => a.Rows.Count > 0).ToList();

    /// <summary>
    /// Authors committed but not trained on (the gate refused the model with them, docs/triage-quality.md "Latest
    /// round"); the training tool measures with them as authors given <c>--candidates</c>. Adopting one means moving it
    /// into <see cref="Authors"/> and retraining.
    /// </summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<LabelledMail> Rows)> CandidateAuthors() =>
        new (string Name, IReadOnlyList<LabelledMail> Rows)[] { ("G", AuthorG()), ("H", AuthorH()), ("S", SpentBlindSets()) }
            .Where(a => a.Rows.Count > 0).ToList();

    /// <summary>Reviewed corrections from the triage cards (corrections-*.jsonl, docs/triage-quality.md "Retraining").</summary>
    public static IReadOnlyList<LabelledMail> Corrections() => Embedded("corrections-").ToList();

    /// <summary>Everything the committed model is trained on: the authors in order, then reviewed corrections.</summary>
    public static IReadOnlyList<LabelledMail> All() => [.. Authors().SelectMany(a => a.Rows), .. Corrections()];

    private static IEnumerable<LabelledMail> Embedded(string filePrefix)
    {
        var assembly = LanguageAssembly.Instance;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Triage.TrainingData." + filePrefix, StringComparison.Ordinal)
                                                                             && n.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            foreach (var row in LabelledMail.ParseLines(reader.ReadToEnd().Split('\n'))) yield return row;
        }
    }

    /// <summary>The core message an author-A row was composed from ("breach-042"), or null.</summary>
    public static string? Core(LabelledMail row)
    {
        if (!row.Notes.StartsWith("core ", StringComparison.Ordinal)) return null;
        var end = row.Notes.IndexOfAny([';', ' '], 5);
        return end > 5 ? row.Notes[5..end] : null;
    }

    /// <summary>
    /// Which rows are one message in several wrappers: the core id, else the row's own id. Cross-validation keeps a
    /// group on one side, and training weighs each row by one over its group's size so no core is learnt by heart.
    /// </summary>
    public static string Group(LabelledMail row) => Core(row) ?? row.Id;

    /// <summary>SHA-256 over every row's label, subject, body and headers, in order: which data a model was trained on.</summary>
    public static string Fingerprint(IEnumerable<LabelledMail> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in rows)
        {
            var headers = string.Join("\u0001", r.Mail.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => h.Key.ToLowerInvariant() + ":" + h.Value));
            sha.AppendData(Encoding.UTF8.GetBytes(string.Join("\u0000", r.Id, r.Expected.WireName(), r.Mail.From, r.Mail.Subject, r.Mail.Body, headers, "\n")));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A stable bucket for a string (FNV-1a), for folds that do not depend on the runtime's string hash.</summary>
    public static uint Bucket(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
