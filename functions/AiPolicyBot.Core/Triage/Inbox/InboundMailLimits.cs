namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// The sizes every mail path holds to (docs/triage-inbox.md, "Limits"): the Graph fetch, the local drop folder and
/// the triage preview all hand triage at most <see cref="MaxBodyChars"/> of body and <see cref="MaxSubjectChars"/> of
/// subject; the drop folder reads no file over <see cref="MaxFileBytes"/>. The classifier reads far less of each part
/// (docs/spec/triage.md, "Cost"); these caps bound memory and the linear passes before it.
/// </summary>
public static class InboundMailLimits
{
    /// <summary>1 M characters: a longer body is cut (a real enquiry is a few thousand).</summary>
    public const int MaxBodyChars = 1 << 20;

    public const int MaxSubjectChars = 1000;

    /// <summary>25 MB, Exchange Online's default receive limit: a larger .eml is set aside unread.</summary>
    public const long MaxFileBytes = 25L << 20;

    /// <summary>The mail with body and subject cut to the caps (the same mail when it fits).</summary>
    public static InboundMail Cap(InboundMail mail) => mail.Body.Length <= MaxBodyChars && mail.Subject.Length <= MaxSubjectChars
        ? mail
        : mail with { Body = Cut(mail.Body, MaxBodyChars), Subject = Cut(mail.Subject, MaxSubjectChars) };

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
