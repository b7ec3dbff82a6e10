using System.Globalization;
using System.Text.RegularExpressions;

namespace AiPolicyBot.Requests;

/// <summary>Request references "AIP-YYYY-NNNN" (four or more digits once a year passes 9999 requests).</summary>
public static partial class RequestReference
{
    public static string Format(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"AIP-{year:D4}-{number:D4}");

    /// <summary>Parses a reference; false for anything that is not exactly AIP-YYYY-NNNN.</summary>
    public static bool TryParse(string? reference, out int year, out long number)
    {
        year = 0; number = 0;
        if (reference is null) return false;
        var m = Pattern().Match(reference);
        return m.Success
            && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && long.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }

    [GeneratedRegex(@"^AIP-(\d{4})-(\d{4,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
