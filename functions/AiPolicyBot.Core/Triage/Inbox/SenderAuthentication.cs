namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// What the Trust's own receiving server says about a mail's sender. Anyone can write an Authentication-Results
/// header into a mail; only one whose authserv-id (the name before the first ';', RFC 8601) is one of
/// <see cref="TriageOptions.AuthServIds"/> was written by our server, which removes headers claiming its name from
/// mail it receives. A pass counts only from such a header; a failure counts from any (believing it only holds a
/// reply back). docs/security.md, "Mail".
/// </summary>
public static class SenderAuthentication
{
    /// <summary>Longest authserv-id looked at (a host name).</summary>
    private const int MaxIdChars = 255;

    /// <summary>The topmost Authentication-Results comes from one of our servers and passes (DMARC, or SPF and DKIM).</summary>
    public static bool PassedAtOurServer(MailToTriage mail, TriageOptions options) =>
        FromOurServer(mail.Header("Authentication-Results"), options) && HeaderFacts.Read(mail, options).AuthenticationPassed;

    /// <summary>The header's authserv-id is configured as ours (case-insensitive); a header without one is not ours.</summary>
    public static bool FromOurServer(string? header, TriageOptions options)
    {
        if (AuthServId(header) is not { } id) return false;
        foreach (var ours in options.AuthServIds)
            if (ours.Trim().Length > 0 && string.Equals(id, ours.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The authserv-id: the first word before the first ';' (an optional version may follow it); null when
    /// that word is a result ("spf=pass"), as in headers that name no server.</summary>
    public static string? AuthServId(string? header)
    {
        if (string.IsNullOrEmpty(header)) return null;
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var head = (semicolon < 0 ? header : header[..semicolon]).Trim();
        var space = head.IndexOfAny([' ', '\t', '\r', '\n']);
        var id = space < 0 ? head : head[..space];
        return id.Length is 0 or > MaxIdChars || id.Contains('=', StringComparison.Ordinal) || id.Contains('(', StringComparison.Ordinal) ? null : id;
    }
}
