using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// One mail that arrived in the IA inbox, from either source: Graph (<see cref="Source"/> "graph", <see cref="SourceId"/>
/// = the immutable message id) or the local drop folder ("local", the Message-ID or a content hash). Held in memory
/// only while it is triaged; the body is never stored.
/// </summary>
public sealed record InboundMail(
    string Source,
    string SourceId,
    string? InternetMessageId,
    string From,
    string? To,
    string Subject,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Record key: SHA-256 of source and id (raw ids hold '/', '+', '=' that table keys refuse).</summary>
    public string Key => KeyFor(Source, SourceId);

    public static string KeyFor(string source, string sourceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + "|" + sourceId)));

    public MailToTriage ToTriage() => new(From, To, Subject, Body, Headers);

    /// <summary>The bare address of <see cref="From"/> ("Name &lt;a@b&gt;" → "a@b").</summary>
    public string FromAddress => BareAddress(From);

    public static string BareAddress(string from)
    {
        var f = from.Trim();
        var lt = f.LastIndexOf('<');
        if (lt >= 0) f = f[(lt + 1)..].TrimEnd('>', ' ');
        return f;
    }
}
