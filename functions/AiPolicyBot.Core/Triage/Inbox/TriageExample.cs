using System.Text.Json;
using AiPolicyBot.Mail;

namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// The least of a mail the triage model needs to learn from a person's correction (docs/triage-inbox.md
/// "Corrections"): the subject, the sender's new text and the quoted history, each redacted of personal data and
/// capped; the sender's domain (inside or outside the Trust), not the address; and only the headers the triage
/// evidence reads. Kept on the triage record until a person confirms or corrects it, then stored with the
/// correction as a labelled example for the reviewed retraining step.
/// </summary>
public sealed record TriageExample(string SenderDomain, string Subject, string NewText, string Quoted, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Characters kept of each part: a report says what it is early.</summary>
    public const int MaxPartChars = 1500;

    /// <summary>The headers <see cref="HeaderFacts"/> reads (Content-Type only to tell HTML mail, which the parts already show).</summary>
    public static readonly IReadOnlyList<string> HeaderNames =
        ["Auto-Submitted", "Precedence", "List-Unsubscribe", "X-Microsoft-Antispam", "Authentication-Results", "X-MS-Exchange-Organization-AuthAs"];

    public static TriageExample From(MailToTriage mail)
    {
        var subject = mail.Subject.Length > TriageEvidence.MaxSubjectChars ? mail.Subject[..TriageEvidence.MaxSubjectChars] : mail.Subject;
        var parts = MailStructure.Split(subject, mail.Body);
        var at = mail.From.LastIndexOf('@');
        var domain = at >= 0 ? mail.From[(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant() : "";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in HeaderNames)
            if (mail.Header(name) is { } value)
                headers[name] = name == "List-Unsubscribe" ? "<redacted>" : Cap(value, 500); // the link names the recipient
        return new(Cap(domain, 100), PersonalDataRedactor.Redact(MailText.OneLine(subject, 200)),
            Redact(parts.Main), Redact(parts.Quoted), headers);
    }

    /// <summary>The example as a mail again (the quoted history quoted with "&gt; "), for training and scoring.</summary>
    public MailToTriage ToMail()
    {
        var body = Quoted.Length == 0 ? NewText
            : NewText + "\n\n" + string.Join("\n", Quoted.Split('\n').Select(l => "> " + l));
        return new MailToTriage("sender@" + (SenderDomain.Length > 0 ? SenderDomain : "unknown.example"), null, Subject, body, Headers);
    }

    /// <summary>One line in the labelled-mail schema (tests/fixtures/README.md), as the training command reads it.</summary>
    public string ToJsonLine(string id, TriageCategory expected, string notes)
    {
        var mail = ToMail();
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["from"] = mail.From,
            ["to"] = null,
            ["subject"] = mail.Subject,
            ["body"] = mail.Body,
            ["headers"] = mail.Headers,
            ["expected"] = expected.WireName(),
            ["notes"] = notes,
        });
    }

    private static string Redact(string text) => PersonalDataRedactor.Redact(Cap(text, MaxPartChars));

    private static string Cap(string s, int max) => s.Length > max ? s[..max] : s;
}
