using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// The labelled mail the triage model learns from, all in the repository: the helper-written mail embedded here
/// (Triage/TrainingData/*.jsonl) and the template set embedded in Core. A fixed slice is held out: the committed
/// model never trains or tunes on it, so figures on it are honest (docs/triage-quality.md). The helper-written mail
/// wraps each hand-written core message in several shapes (reply, forward, HTML, bulk…), so the slice is chosen by a
/// hash of the core ("core breach-042" in notes): no core is on both sides. Template rows are never held out.
/// </summary>
public static class TriageTrainingSet
{
    /// <summary>One mail in ten is held out.</summary>
    public const int HoldOutModulus = 10;

    public static IReadOnlyList<LabelledMail> All()
    {
        var rows = new List<LabelledMail>();
        var assembly = LanguageAssembly.Instance;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Triage.TrainingData.", StringComparison.Ordinal)
                                                                             && n.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            rows.AddRange(LabelledMail.ParseLines(reader.ReadToEnd().Split('\n')));
        }
        rows.AddRange(LabelledMail.EmbeddedTrainingSet());
        return rows;
    }

    public static bool IsHeldOut(LabelledMail row) => Core(row) is { } core && Fnv1a(core) % HoldOutModulus == 0;

    /// <summary>The core message a helper-written row was composed from ("breach-042"), or null.</summary>
    public static string? Core(LabelledMail row)
    {
        if (!row.Notes.StartsWith("core ", StringComparison.Ordinal)) return null;
        var end = row.Notes.IndexOfAny([';', ' '], 5);
        return end > 5 ? row.Notes[5..end] : null;
    }

    public static IReadOnlyList<LabelledMail> Training() => All().Where(r => !IsHeldOut(r)).ToList();

    public static IReadOnlyList<LabelledMail> HeldOut() => All().Where(IsHeldOut).ToList();

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

    private static uint Fnv1a(string s)
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
