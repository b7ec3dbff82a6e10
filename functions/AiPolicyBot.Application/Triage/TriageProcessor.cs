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

public enum TriageOutcome { Processed, Resumed, AlreadyDone, Failed }

/// <summary>
/// Triages one inbound mail exactly once, from either source (docs/triage-inbox.md). The record keyed by the mail's
/// id is inserted first (409 = seen before); its state machine (Classified → Acted → Done) lets a run that crashed
/// resume where it stopped, and every step is idempotent, so resuming never repeats a side effect. A mail that keeps
/// failing is marked Failed after <see cref="MaxAttempts"/> and the admins are alerted, so it cannot block the inbox.
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

    public async Task<(TriageOutcome Outcome, TriageRecord Record)> ProcessAsync(InboundMail mail, ITriagedMailMarker marker, CancellationToken ct)
    {
        var triage = mail.ToTriage();
        var result = classifier().Classify(triage);
        var fresh = NewRecord(mail, result, TriageActionPlanner.MustNotReply(triage, options)) with { Example = TriageExample.From(triage) };
        var (current, inserted) = await records.InsertOrGetAsync(fresh, ct);
        if (current.Value.State is TriageRecordState.Done or TriageRecordState.Failed)
            return (TriageOutcome.AlreadyDone, current.Value);

        if (!inserted)
        {
            if (current.Value.Attempts + 1 >= MaxAttempts)
            {
                var failed = await records.UpdateAsync(current.Value with { State = TriageRecordState.Failed, UpdatedAt = time.GetUtcNow() }, current.Version, ct);
                await alerts.RaiseAsync(new AdminAlert($"triage-failed|{mail.Key[..32]}", "TriageFailed", null,
                    $"Triage of a {mail.Source} mail (triage id {mail.Key[..16]}) failed {MaxAttempts} times; it stays untriaged for a person.", time.GetUtcNow()), ct);
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
