using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

/// <summary>The request reference [AIP-yyyy-nnnn], first in the subject, else in the body (docs/spec/triage.md).</summary>
public static partial class ThreadReference
{
    [GeneratedRegex(@"\bAIP-\d{4}-\d{4,}\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Reference();

    public static string? Find(string subject, string body)
    {
        var m = Reference().Match(subject ?? "");
        if (!m.Success) m = Reference().Match(body ?? "");
        return m.Success ? m.Value : null;
    }
}
