namespace AiPolicyBot.Mail;

/// <summary>
/// One rendered email, ready for a transport (Graph or a local .eml file). Rendered from stored state at send time;
/// never stored itself. <see cref="Headers"/> always carries <see cref="JobIdHeader"/> so the mailbox triage can
/// recognise mail AiPolicyBot sent into its own mailbox and never open a request for it.
/// </summary>
public sealed record MailMessage(
    string JobId,
    string To,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Custom internet header with the outbox job id (custom headers must start with "X-").</summary>
    public const string JobIdHeader = "X-IA-Job-Id";

    /// <summary>Custom internet header with the request reference AIP-YYYY-NNNN.</summary>
    public const string ReferenceHeader = "X-IA-Reference";

    public static IReadOnlyDictionary<string, string> StandardHeaders(string jobId, string reference) =>
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [JobIdHeader] = jobId,
            [ReferenceHeader] = reference,
        };
}
