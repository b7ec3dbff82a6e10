namespace AiPolicyBot.Triage;

/// <summary>
/// One email to classify (the body of POST /api/triage/preview, docs/spec/triage.md). Header names are matched
/// case-insensitively (docs/spec/triage.md), whatever dictionary the caller passes in.
/// </summary>
public sealed record MailToTriage
{
    public MailToTriage(string from, string? to, string subject, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        From = from ?? "";
        To = to;
        Subject = subject ?? "";
        Body = body ?? "";
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) copy[name] = value ?? "";
        Headers = copy;
    }

    public string From { get; }
    public string? To { get; }
    public string Subject { get; }
    public string Body { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
