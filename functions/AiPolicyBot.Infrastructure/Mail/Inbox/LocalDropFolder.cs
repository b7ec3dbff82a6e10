using System.Security.Cryptography;
using AiPolicyBot.Application.Triage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// The local inbox when Graph is off: every <c>{LocalMail:Root}/inbox/*.eml</c> is parsed with MimeKit, triaged
/// exactly once (record key = Message-ID, else the SHA-256 of the file) and moved to
/// <c>{Root}/triaged/{category}/</c>; files MimeKit cannot read (or with no From, Subject and Message-ID) go to
/// <c>triaged/unreadable/</c>, as does a file over <see cref="InboundMailLimits.MaxFileBytes"/> (unread); a mail the
/// processor set aside goes to <c>triaged/failed/</c>, one it deferred stays for the next tick while the others go on.
/// A file written less than <see cref="SettleTime"/> ago waits for the next tick, so a half-copied file is not read.
/// </summary>
public sealed class LocalDropFolder(LocalMailOptions options, TriageProcessor processor, TimeProvider time, ILogger<LocalDropFolder> logger)
{
    public const string Source = "local";
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);
    private readonly SemaphoreSlim _single = new(1, 1);

    public string InboxFolder => Path.Combine(Path.GetFullPath(options.Root), "inbox");
    public string TriagedFolder => Path.Combine(Path.GetFullPath(options.Root), "triaged");

    /// <summary>Triages every settled .eml in the drop folder; returns how many files it moved.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!await _single.WaitAsync(0, ct)) return 0;
        try
        {
            Directory.CreateDirectory(InboxFolder);
            var moved = 0;
            foreach (var file in Directory.EnumerateFiles(InboxFolder, "*.eml").Order(StringComparer.Ordinal).ToList())
            {
                ct.ThrowIfCancellationRequested();
                var info = new FileInfo(file);
                if (!info.Exists || time.GetUtcNow() - info.LastWriteTimeUtc < SettleTime) continue;
                if (await TriageFileAsync(file, ct)) moved++;
            }
            return moved;
        }
        finally
        {
            _single.Release();
        }
    }

    private async Task<bool> TriageFileAsync(string file, CancellationToken ct)
    {
        if (new FileInfo(file).Length > InboundMailLimits.MaxFileBytes)
        {
            MoveTo(file, "unreadable");
            logger.LogWarning("Local inbox: file over {Max} bytes moved to triaged/unreadable unread", InboundMailLimits.MaxFileBytes);
            return true;
        }
        var mail = await ReadAsync(file, ct);
        if (mail is null)
        {
            MoveTo(file, "unreadable");
            logger.LogWarning("Local inbox: unreadable file moved to triaged/unreadable");
            return true;
        }
        var marker = new FileMarker(this, file);
        var (outcome, record) = await processor.ProcessAsync(mail, marker, ct);
        if (outcome == TriageOutcome.Deferred) return false; // stays in the inbox for the next tick; the others go on
        // A repeated file (same Message-ID or content) or a failed one was not moved by the processor: file it now.
        if (!marker.Moved)
            MoveTo(file, record is null || record.State == TriageRecordState.Failed ? "failed" : (record.ConfirmedCategory ?? record.Category).WireName());
        return true;
    }

    private async Task<InboundMail?> ReadAsync(string file, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, ct);
        }
        catch (IOException)
        {
            return null;
        }
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(bytes);
            message = await MimeMessage.LoadAsync(stream, ct);
        }
        catch (Exception e) when (e is FormatException or ParseException)
        {
            return null;
        }
        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null && string.IsNullOrWhiteSpace(message.Subject) && string.IsNullOrWhiteSpace(message.MessageId)) return null;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in message.Headers) headers.TryAdd(h.Field, h.Value);
        var body = message.TextBody ?? StripTags(message.HtmlBody) ?? "";
        var id = string.IsNullOrWhiteSpace(message.MessageId) ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)) : message.MessageId;
        return InboundMailLimits.Cap(new InboundMail(Source, id, message.MessageId, from?.ToString() ?? "", message.To.Mailboxes.FirstOrDefault()?.Address,
            message.Subject ?? "", body, headers, message.Date == DateTimeOffset.MinValue ? time.GetUtcNow() : message.Date));
    }

    /// <summary>
    /// Each tag becomes a space, as <c>&lt;[^&gt;]*&gt;</c> would make it, in one linear pass: that regex retries from every
    /// '&lt;' of an unclosed run, and a mail of '&lt;'s timed it out and stopped the folder on that file.
    /// </summary>
    private static string? StripTags(string? html)
    {
        if (html is null) return null;
        var text = new System.Text.StringBuilder(html.Length);
        var tagStart = -1;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (tagStart < 0 && c == '<') tagStart = i;
            else if (tagStart >= 0 && c == '>') { text.Append(' '); tagStart = -1; }
            else if (tagStart < 0) text.Append(c);
        }

        // An unclosed '<' is text, as the regex left it (its first character, then the rest scanned again).
        if (tagStart >= 0) text.Append(html, tagStart, html.Length - tagStart);
        return text.ToString();
    }

    private string MoveTo(string file, string folder)
    {
        var target = Path.Combine(TriagedFolder, folder);
        Directory.CreateDirectory(target);
        var name = Path.GetFileName(file);
        var destination = Path.Combine(target, name);
        for (var i = 1; File.Exists(destination); i++)
            destination = Path.Combine(target, $"{Path.GetFileNameWithoutExtension(name)}-{i}{Path.GetExtension(name)}");
        File.Move(file, destination);
        return destination;
    }

    private sealed class FileMarker(LocalDropFolder folder, string file) : ITriagedMailMarker
    {
        public bool Moved { get; private set; }

        public Task MarkAsync(InboundMail mail, TriageRecord record, TriageActionPlan plan, CancellationToken ct)
        {
            if (File.Exists(file)) folder.MoveTo(file, plan.Folder);
            Moved = true;
            return Task.CompletedTask;
        }
    }
}
