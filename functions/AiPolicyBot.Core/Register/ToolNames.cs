using System.Text;

namespace AiPolicyBot.Register;

/// <summary>Tool-name normalisation of policy-routing.md §6: NFKC, lower-case (invariant), letters and digits only.</summary>
public static class ToolNames
{
    public static string Normalise(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var nfkc = s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var rune in nfkc.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) sb.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return sb.ToString();
    }
}
