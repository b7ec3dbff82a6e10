namespace AiPolicyBot.Triage;

/// <summary>
/// A mail body split into its parts (docs/spec/triage.md "Structure"): what the sender wrote now, what they
/// forwarded, the quoted history, the sign-off and any legal disclaimer. Each part is plain text with whitespace
/// collapsed; together they hold at most <see cref="MailStructure.MaxTextChars"/> characters.
/// </summary>
public sealed record MailParts(
    string NewText, string Forwarded, string Quoted, string Signature, string Disclaimer, bool WasHtml, bool Truncated)
{
    public static MailParts Empty { get; } = new("", "", "", "", "", false, false);

    public bool HasForward => Forwarded.Length > 0;

    public bool HasQuote => Quoted.Length > 0;

    /// <summary>
    /// The text the sender is asking about: their own words, plus what they forwarded when they forwarded something
    /// (a forward's own text is often one line: "see below").
    /// </summary>
    public string Main => HasForward ? (NewText + "\n\n" + Forwarded).Trim() : NewText;

    /// <summary>Everything the sender sent, in order, parts joined by blank lines (for detectors that must see it all).</summary>
    public string All => string.Join("\n\n", new[] { NewText, Forwarded, Quoted, Signature, Disclaimer }.Where(p => p.Length > 0));
}
