using AiPolicyBot.Application.Triage;
using AiPolicyBot.Common;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using Microsoft.Kiota.Abstractions;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>What one sync round did.</summary>
public sealed record InboxSyncReport(int Seen, int Processed, int Skipped, bool Resynced, bool DeltaSaved, int Deferred = 0);

/// <summary>
/// The source of truth for the IA inbox (docs/triage-inbox.md): a delta query on the Inbox, following nextLinks,
/// each message fetched (headers and text body, cut to <see cref="InboundMailLimits"/>) and triaged exactly once by
/// <see cref="TriageProcessor"/>. A message whose record is finished is skipped before it is fetched, so a replayed
/// round costs one record read per mail. One mail never holds the others: a mail that fails or overruns its budget is
/// set aside or deferred by the processor and the round goes on, so a breach behind it is triaged in the same round.
/// The deltaLink is saved (ETag-guarded) only after a round in which every message was finished, so a crash or a
/// deferred mail replays the round (cheaply) until that mail is done or set aside after its last attempt. An
/// expired or invalid delta token (410, syncStateNotFound, resyncRequired) starts a full round again. Single-flight
/// within the process, coalescing on the trailing edge: a call made while a round runs waits for it and then runs one
/// more round unless a round that began after the call has already finished (that round saw whatever the call was
/// rung for). Across instances the ETag on the deltaLink and the records keep two runners from doing anything twice.
/// </summary>
public sealed class GraphInboxSync(
    GraphMailClient graph,
    GraphMailOptions mail,
    IInboxSyncStateStore state,
    TriageProcessor processor,
    GraphTriageMarker marker,
    TimeProvider time,
    ILogger<GraphInboxSync> logger)
{
    public const string DeltaStateName = "inbox-delta";
    public const string Source = "graph";
    /// <summary>The first round (and a resync) looks back this far; older mail is left for a person.</summary>
    public static readonly TimeSpan InitialLookback = TimeSpan.FromDays(30);
    private static readonly string[] DeltaSelect = ["id", "internetMessageId", "subject", "from", "receivedDateTime"];
    private static readonly string[] MessageSelect =
        ["id", "internetMessageId", "subject", "from", "toRecipients", "receivedDateTime", "body", "internetMessageHeaders"];

    private readonly SemaphoreSlim _single = new(1, 1);
    private long _calls;     // RunAsync calls so far; each call's number is its ticket
    private long _servedUpTo; // every call with a ticket up to this had a round begin after it and finish

    /// <summary>Runs a round, or returns null when a round that began after this call has finished meanwhile.</summary>
    public async Task<InboxSyncReport?> RunAsync(CancellationToken ct)
    {
        // Not "return if a round is running": that round may already be past its last delta page, so the mail this
        // call was rung for would wait for the two-minute timer (a lost doorbell). Wait, then decide.
        var ticket = Interlocked.Increment(ref _calls);
        await _single.WaitAsync(ct);
        try
        {
            if (ticket <= Volatile.Read(ref _servedUpTo)) return null;
            var serves = Volatile.Read(ref _calls); // every call made before this round begins
            var report = await OneRoundAsync(ct);
            Volatile.Write(ref _servedUpTo, serves); // only after success: a failed round leaves its callers to the next
            return report;
        }
        finally
        {
            _single.Release();
        }
    }

    private async Task<InboxSyncReport> OneRoundAsync(CancellationToken ct)
    {
        var stored = await state.GetAsync(DeltaStateName, ct);
        try
        {
            return await RoundAsync(stored?.Value, stored?.Version, resynced: false, ct);
        }
        catch (ODataError e) when (IsExpiredToken(e))
        {
            logger.LogWarning("Inbox delta token no longer valid ({Status} {Code}); full resync", e.ResponseStatusCode, e.Error?.Code);
            return await RoundAsync(null, stored?.Version, resynced: true, ct);
        }
    }

    public static bool IsExpiredToken(ODataError e) =>
        e.ResponseStatusCode == 410
        || e.Error?.Code is { } code && (code.Equals("syncStateNotFound", StringComparison.OrdinalIgnoreCase)
                                         || code.Equals("resyncRequired", StringComparison.OrdinalIgnoreCase)
                                         || code.Equals("syncStateInvalid", StringComparison.OrdinalIgnoreCase));

    private async Task<InboxSyncReport> RoundAsync(string? deltaLink, string? version, bool resynced, CancellationToken ct)
    {
        var delta = graph.Client.Users[mail.Mailbox].MailFolders["inbox"].Messages.Delta;
        var page = deltaLink is null
            ? await delta.GetAsDeltaGetResponseAsync(rc =>
            {
                rc.QueryParameters.Select = DeltaSelect;
                rc.QueryParameters.Filter = $"receivedDateTime ge {(time.GetUtcNow() - InitialLookback).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
                Prefer(rc.Headers);
            }, ct)
            : await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(rc => Prefer(rc.Headers), ct);

        int seen = 0, processed = 0, skipped = 0, deferred = 0;
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                if (item.Id is null || item.AdditionalData.ContainsKey("@removed")) continue; // moved out (triaged) or deleted
                seen++;
                switch (await TriageOneAsync(item.Id, ct))
                {
                    case TriageOutcome.Processed or TriageOutcome.Resumed: processed++; break;
                    case TriageOutcome.Deferred: deferred++; break;
                    default: skipped++; break;
                }
            }
            if (page.OdataNextLink is { } next)
            {
                page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(rc => Prefer(rc.Headers), ct);
                continue;
            }
            // A deferred mail is seen again only if the round is replayed: keep the old link until it is finished.
            var saved = deferred == 0 && page.OdataDeltaLink is { } link && await SaveDeltaLinkAsync(link, version, ct);
            return new InboxSyncReport(seen, processed, skipped, resynced, saved, deferred);
        }
        return new InboxSyncReport(seen, processed, skipped, resynced, false, deferred);
    }

    /// <summary>One message: skipped unfetched when its record is finished; a failed fetch defers it like a failed triage.</summary>
    private async Task<TriageOutcome> TriageOneAsync(string id, CancellationToken ct)
    {
        if (await processor.IsFinishedAsync(Source, id, ct)) return TriageOutcome.AlreadyDone;
        InboundMail? inbound;
        try
        {
            inbound = await FetchAsync(id, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Inbox message could not be fetched ({Error}); tried again next round", e.GetType().Name);
            return TriageOutcome.Deferred;
        }
        if (inbound is null) return TriageOutcome.AlreadyDone; // gone since the delta was computed
        return (await processor.ProcessAsync(inbound, marker, ct)).Outcome;
    }

    private async Task<bool> SaveDeltaLinkAsync(string link, string? version, CancellationToken ct)
    {
        try
        {
            await state.SaveAsync(DeltaStateName, link, version, ct);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Another runner advanced it meanwhile; its link is as good (records dedupe whatever overlaps).
            logger.LogInformation("Inbox deltaLink was advanced by another run");
            return false;
        }
    }

    private async Task<InboundMail?> FetchAsync(string id, CancellationToken ct)
    {
        Message? m;
        try
        {
            m = await graph.Client.Users[mail.Mailbox].Messages[id].GetAsync(rc =>
            {
                rc.QueryParameters.Select = MessageSelect;
                Prefer(rc.Headers);
                rc.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
            }, ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
        if (m is null) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in m.InternetMessageHeaders ?? [])
            if (h.Name is { } name && !headers.ContainsKey(name)) headers[name] = h.Value ?? "";
        var from = m.From?.EmailAddress is { } f ? (f.Name is { Length: > 0 } n ? $"{n} <{f.Address}>" : f.Address ?? "") : "";
        return InboundMailLimits.Cap(new InboundMail(Source, m.Id ?? id, m.InternetMessageId, from,
            m.ToRecipients?.FirstOrDefault()?.EmailAddress?.Address, m.Subject ?? "", m.Body?.Content ?? "", headers,
            m.ReceivedDateTime ?? time.GetUtcNow()));
    }

    private static void Prefer(RequestHeaders headers) => headers.Add("Prefer", "IdType=\"ImmutableId\"");
}
