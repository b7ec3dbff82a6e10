namespace AiPolicyBot.Triage;

/// <summary>
/// Unique Pupil Number check letter (docs/spec/triage.md): 13 characters; check letter =
/// alphabet[Σ position × value mod 23] over positions 2–13; a temporary UPN ends in a letter.
/// </summary>
public static class UpnCheck
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ"; // 23 letters: no I, O or S

    public static bool IsValid(string candidate)
    {
        if (candidate is not { Length: 13 }) return false;
        var upn = candidate.ToUpperInvariant();
        if (Alphabet.IndexOf(upn[0]) < 0) return false;
        for (var i = 1; i < 12; i++) if (!char.IsAsciiDigit(upn[i])) return false;
        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            var value = ValueOf(upn[i]);
            if (value < 0) return false;
            sum += (i + 1) * value;
        }
        return Alphabet[sum % 23] == upn[0];
    }

    private static int ValueOf(char c) => char.IsAsciiDigit(c) ? c - '0' : Alphabet.IndexOf(c);
}
