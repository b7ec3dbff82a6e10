namespace AiPolicyBot.Testing.Hostile;

/// <summary>
/// Mail bodies of the shapes that have been slow in some version of the triage pipeline (docs/spec/triage.md "Cost"),
/// at any size. Used by the unit tests' linearity checks and by the benchmark that times them at 5 MB (tests/bench,
/// docs/benchmarks.md).
/// </summary>
public static class HostileMailBodies
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "blank lines", "CRLF blank lines", "spaces and newlines", "<br>", "unclosed tags", "quote markers", "one long word",
        "from lines", "on wrote", "thanks lines", "pasted pupil names",
    ];

    /// <summary>A body of <paramref name="kind"/> of about <paramref name="bytes"/> characters.</summary>
    public static string Of(string kind, int bytes) => kind switch
    {
        "blank lines" => new string('\n', bytes),
        "CRLF blank lines" => Repeat("\r\n", bytes),
        "spaces and newlines" => Repeat(" \n \t\n", bytes),
        "<br>" => "<html>" + Repeat("<br>", bytes),
        "unclosed tags" => "<html>" + Repeat("<a", bytes),
        "quote markers" => Repeat("> \n", bytes),
        "one long word" => new string('a', bytes),
        "from lines" => Repeat("From: a\n", bytes),
        "on wrote" => Repeat("On x, y\n", bytes),
        "thanks lines" => Repeat("Thanks,\n", bytes),
        "pasted pupil names" => Repeat("pasted pupil names ", bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown body kind."),
    };

    private static string Repeat(string piece, int bytes) => string.Concat(Enumerable.Repeat(piece, bytes / piece.Length));
}
