using System.Text;

namespace AiPolicyBot.Register;

/// <summary>Tool-name normalisation of docs/policy-and-register.md: NFKC, lower-case (invariant), letters and digits only.</summary>
public static class ToolNames
{
    public static string Normalise(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var nfkc = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        Span<char> utf16 = stackalloc char[2];
        foreach (var r in nfkc.EnumerateRunes())
        {
            // With InvariantGlobalization the runtime may not fold compatibility forms; fold the full-width ASCII
            // block (ＣｈａｔＧＰＴ) ourselves so the result is the same with or without ICU.
            var rune = r.Value is >= 0xFF01 and <= 0xFF5E ? new Rune(r.Value - 0xFEE0) : r;
            if (!Rune.IsLetterOrDigit(rune)) continue;
            // Appended as UTF-16 without a string per character (this runs for every word of every message).
            sb.Append(utf16[..Rune.ToLowerInvariant(rune).EncodeToUtf16(utf16)]);
        }
        return sb.ToString();
    }
}
