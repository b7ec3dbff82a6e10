using AiPolicyBot.Common;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Application.Triage;

/// <summary>Where a triaged mail goes afterwards: Graph (category, extended property, move) or the local folder.</summary>
public interface ITriagedMailMarker
{
    Task MarkAsync(InboundMail mail, TriageRecord record, TriageActionPlan plan, CancellationToken ct);
}

/// <summary>
/// Processed: triaged now. Resumed: finished a run that stopped. AlreadyDone: seen before (nothing was classified).
/// Failed: set aside for a person (poison record, alert). Deferred: failed this time and is tried again next round,
/// until <see cref="TriageProcessor.MaxAttempts"/>; the caller moves on to the next mail.
/// </summary>
public enum TriageOutcome { Processed, Resumed, AlreadyDone, Failed, Deferred }

/// <summary>
/// Triages one inbound mail exactly once, from either source (docs/triage-inbox.md). Nothing is paid twice: a mail
/// whose record is finished is answered from the record before anything else (no classification, no fetch when the
/// caller asks <see cref="IsFinishedAsync"/> first). Otherwise the mail is cut to <see cref="InboundMailLimits"/>,
/// classified, and the record keyed by the mail's id inserted (409 = seen before); its state machine (Classified →
/// Acted → Done) lets a run that stopped resume where it did, and every step is idempotent, so resuming never repeats
/// a side effect. One mail never holds the others: it has <see cref="TriageOptions.MailBudget"/>, and a mail that
/// throws or overruns it is never thrown to the caller. One that cannot be classified gets a Failed (poison) record at
/// once; one that fails later is tried again next round and marked Failed after <see cref="MaxAttempts"/>. Either
/// way the administrators are alerted and the mail stays in the inbox for a person.
/// </summary>
public sealed class TriageProcessor(
    ITriageRecordStore records,
    Func<TriageClassifier> classifier,
    TriageActions actions,
    IAdminAlerts alerts,
    TriageOptions options,
    TimeProvider time,
    ILogger<TriageProcessor> logger)
{
    public const int MaxAttempts = 5;
    private volatile bool _warm;

    /// <summary>The mail's record is Done or Failed: a replay, to be skipped before it is even fetched.</summary>
    public async Task<bool> IsFinishedAsync(string source, string sourceId, CancellationToken ct) =>
        await records.GetAsync(InboundMail.KeyFor(source, sourceId), ct) is { Value.State: TriageRecordState.Done or TriageRecordState.Failed };

    public async Task<(TriageOutcome Outcome, TriageRecord? Record)> ProcessAsync(InboundMail mail, ITriagedMailMarker marker, CancellationToken ct)
    {
        var existing = await records.GetAsync(mail.Key, ct);
        if (existing is { Value.State: TriageRecordState.Done or TriageRecordState.Failed }) return (TriageOutcome.AlreadyDone, existing.Value);

        await WarmUpAsync(ct); // loading the model is not this mail's time
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.MailBudget);
        mail = InboundMailLimits.Cap(mail);
        TriageResult? result = null;
        if (existing is null)
        {
            try
            {
                result = await ClassifyAsync(mail.ToTriage(), budget.Token);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Classification is deterministic: trying again next round would fail again and hold the round up.
                return (TriageOutcome.Failed, await SetAsideAsync(mail, e is OperationCanceledException or TimeoutException ? "overran its budget" : "could not be classified", ct));
            }
        }

        try
        {
            return await TriageAsync(mail, existing, result, marker, budget.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Triage of {Source} mail {Key} failed ({Error}); tried again next round", mail.Source, mail.Key[..16],
                e is OperationCanceledException ? "over its budget" : e.GetType().Name);
            return (TriageOutcome.Deferred, null);
        }
    }

    /// <summary>The first call loads the model (seconds on a busy machine): once, before any mail's budget starts.</summary>
    private async Task WarmUpAsync(CancellationToken ct)
    {
        if (_warm) return;
        await Task.Run(classifier, ct);
        _warm = true;
    }

    // Off the caller's thread, so a budget overrun returns at once (the classifier itself is linear and bounded).
    private Task<TriageResult> ClassifyAsync(MailToTriage triage, CancellationToken ct) =>
        Task.Run(() => classifier().Classify(triage), ct).WaitAsync(ct);

    private async Task<(TriageOutcome Outcome, TriageRecord? Record)> TriageAsync(
        InboundMail mail, Versioned<TriageRecord>? existing, TriageResult? result, ITriagedMailMarker marker, CancellationToken ct)
    {
        var triage = mail.ToTriage();
        // A record already there (a run that stopped): its stored category wins, nothing is classified again.
        var (current, inserted) = existing is not null
            ? (existing, false)
            : await records.InsertOrGetAsync(NewRecord(mail, result!, TriageActionPlanner.MustNotReply(triage, options)) with { Example = TriageExample.From(triage) }, ct);
        if (current.Value.State is TriageRecordState.Done or TriageRecordState.Failed)
            return (TriageOutcome.AlreadyDone, current.Value);

        if (!inserted)
        {
            if (current.Value.Attempts + 1 >= MaxAttempts)
            {
                var failed = await records.UpdateAsync(current.Value with { State = TriageRecordState.Failed, UpdatedAt = time.GetUtcNow() }, current.Version, ct);
                await AlertAsync(mail, $"failed {MaxAttempts} times", ct);
                return (TriageOutcome.Failed, failed.Value);
            }
            current = await records.UpdateAsync(current.Value with { Attempts = current.Value.Attempts + 1, UpdatedAt = time.GetUtcNow() }, current.Version, ct);
        }

        // The stored category wins on a resume (a person may have corrected it; the classifier may have been retrained).
        // A possible breach alerts the DPO whatever its category, until a person has looked.
        var category = current.Value.ConfirmedCategory ?? current.Value.Category;
        var plan = TriageActionPlanner.Plan(category, triage, options,
            possibleBreach: current.Value.ConfirmedCategory is null && TriageClassifier.IsPossibleBreach(current.Value.Signals));
        if (current.Value.State == TriageRecordState.Classified)
        {
            current = await actions.ExecuteAsync(current, mail, plan, ct);
            current = await records.UpdateAsync(current.Value with { State = TriageRecordState.Acted, UpdatedAt = time.GetUtcNow() }, current.Version, ct);
        }
        await marker.MarkAsync(mail, current.Value, plan, ct);
        current = await records.UpdateAsync(current.Value with { State = TriageRecordState.Done, UpdatedAt = time.GetUtcNow() }, current.Version, ct);
        logger.LogInformation("Triaged {Source} mail {Key} as {Category}", mail.Source, mail.Key[..16], category.WireName());
        return (inserted ? TriageOutcome.Processed : TriageOutcome.Resumed, current.Value);
    }

    /// <summary>The poison record: Failed, for a person, with an alert; a replay finds it and costs nothing.</summary>
    private async Task<TriageRecord> SetAsideAsync(InboundMail mail, string why, CancellationToken ct)
    {
        var setAside = new TriageResult(TriageCategory.NeedsHuman, 0, ["triage:set-aside"], [], null);
        var poison = NewRecord(mail, setAside, noReply: true) with { State = TriageRecordState.Failed };
        var (record, _) = await records.InsertOrGetAsync(poison, ct);
        logger.LogError("Triage of {Source} mail {Key} {Why}; set aside for a person", mail.Source, mail.Key[..16], why);
        await AlertAsync(mail, why, ct);
        return record.Value;
    }

    private Task AlertAsync(InboundMail mail, string why, CancellationToken ct) =>
        alerts.RaiseAsync(new AdminAlert($"triage-failed|{mail.Key[..32]}", "TriageFailed", null,
            $"Triage of a {mail.Source} mail (triage id {mail.Key[..16]}) {why}; it stays untriaged in the inbox for a person.", time.GetUtcNow()), ct);

    private TriageRecord NewRecord(InboundMail mail, TriageResult result, bool noReply) => new()
    {
        Key = mail.Key,
        Source = mail.Source,
        SourceId = mail.SourceId,
        InternetMessageId = mail.InternetMessageId,
        FromAddress = mail.FromAddress,
        Subject = PersonalDataRedactor.Redact(AiPolicyBot.Mail.MailText.OneLine(mail.Subject, 200)),
        ReceivedAt = mail.ReceivedAt,
        Category = result.Category,
        Confidence = result.Confidence,
        Signals = result.Signals,
        PersonalData = result.PersonalData,
        ThreadReference = result.Reference,
        NoReply = noReply,
        State = TriageRecordState.Classified,
        UpdatedAt = time.GetUtcNow(),
    };
}
