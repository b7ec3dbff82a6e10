namespace AiPolicyBot.Incidents;

/// <summary>Case ids "INC-YYYY-NNNN" (numbered per year, like request references).</summary>
public static class IncidentIds
{
    public static string Format(int year, long number) => FormattableString.Invariant($"INC-{year:D4}-{number:D4}");

    public static bool LooksValid(string? id) =>
        id is { Length: >= 13 and <= 15 } && id.StartsWith("INC-", StringComparison.Ordinal) && id[8] == '-'
        && id.AsSpan(4, 4).IndexOfAnyExceptInRange('0', '9') < 0 && id.AsSpan(9).IndexOfAnyExceptInRange('0', '9') < 0;
}
