using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

/// <summary>
/// Regex and checksum recognisers for UK school personal data (docs/spec/triage.md). Pure and thread-safe; shared
/// by triage (personalData, pii: signals) and log redaction (<see cref="PersonalDataRedactor"/>).
/// </summary>
public static partial class PersonalDataDetector
{
    public sealed record Match(string Kind, int Index, int Length);

    /// <summary>A backstop only: every pattern is bounded (counted loops), so its cost per character is a constant.</summary>
    private const int TimeoutMs = 1000;

    /// <summary>Text <see cref="Kinds"/> reads per text (redaction reads all): the kinds are known long before this.</summary>
    public const int MaxChars = 256 * 1024;

    [GeneratedRegex(@"\b[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UpnCandidate();

    [GeneratedRegex(@"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NiNumber();

    // §17's pattern with counted loops (RFC 5321 lengths): an unbounded "+" made a long run of letters cost its square.
    [GeneratedRegex(@"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Postcode();

    /// <summary>Every match, kind by kind (a UPN candidate counts only with a valid check letter).</summary>
    public static IReadOnlyList<Match> FindAll(string? text)
    {
        var found = new List<Match>();
        if (string.IsNullOrEmpty(text)) return found;
        foreach (System.Text.RegularExpressions.Match m in UpnCandidate().Matches(text))
            if (UpnCheck.IsValid(m.Value)) found.Add(new(PersonalDataKinds.Upn, m.Index, m.Length));
        // No address without an '@': a memchr-speed check spares the counted local part's 64 steps per character.
        if (text.Contains('@', StringComparison.Ordinal)) Add(found, PersonalDataKinds.Email, Email(), text);
        Add(found, PersonalDataKinds.Phone, Phone(), text);
        Add(found, PersonalDataKinds.NiNumber, NiNumber(), text);
        Add(found, PersonalDataKinds.Postcode, Postcode(), text);
        return found;
    }

    /// <summary>Distinct kinds found in any of the texts, in contract order (upn, email, phone, niNumber, postcode).</summary>
    public static IReadOnlyList<string> Kinds(params string?[] texts)
    {
        var kinds = texts.SelectMany(t => FindAll(t is { Length: > MaxChars } ? t[..MaxChars] : t)).Select(m => m.Kind).ToHashSet(StringComparer.Ordinal);
        return PersonalDataKinds.Ordered.Where(kinds.Contains).ToList();
    }

    private static void Add(List<Match> found, string kind, Regex regex, string text)
    {
        foreach (System.Text.RegularExpressions.Match m in regex.Matches(text)) found.Add(new(kind, m.Index, m.Length));
    }
}
