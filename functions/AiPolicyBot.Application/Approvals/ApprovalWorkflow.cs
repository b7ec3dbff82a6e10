using System.Text.Json;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Approvals;

/// <summary>What happened when a command was applied, and the request as it now stands.</summary>
public sealed record WorkflowOutcome(TransitionResult? Result, Versioned<ToolRequest>? Request, ApproverDirectory Directory)
{
    /// <summary>The caller may not see the request, or it does not exist and they could not have seen it: tell them nothing.</summary>
    public bool Hidden { get; init; }

    public bool NotFound => Request is null && !Hidden;

    /// <summary>Nothing of the request goes back to a caller who may not see it (<see cref="RequestVisibility"/>).</summary>
    public static WorkflowOutcome NotYours(ApproverDirectory directory) => new(null, null, directory) { Hidden = true };

    public TransitionStatus Status => Result?.Status ?? TransitionStatus.NotApplicable;
}

/// <summary>
/// Applies approval commands to stored requests: load → <see cref="ApprovalStateMachine"/> → ETag-guarded update that
/// commits the request and its <see cref="RequestEvent"/> (an outbox row) in ONE transaction (reload and re-apply on
/// <see cref="ConcurrencyConflictException"/>) → the event handed to the queue. That is all a decision waits for: its
/// decision rows, their audit entries and the decision-mail job (<see cref="DecisionRecorder"/>), the open-request
/// index, the cards and the messages follow from the event, off the click (docs/approvals.md, "What a click writes").
/// Nothing after the commit can be lost: the relay re-sends an event that never reached the queue, a failing
/// follow-up is retried and then poisoned (an administrator alert), and a repeated click records any of its rows that
/// are still missing. A change that decides nothing (a tick, a reminder, an expiry) writes its audit entry itself.
/// </summary>
public sealed class ApprovalWorkflow(
    IRequestStore requests,
    IDecisionLog decisions,
    IOutbox outbox,
    IAuditLog audit,
    IApproverDirectorySource directorySource,
    IRequestEventPublisher events,
    TimeProvider time)
{
    private const int MaxAttempts = 20;
    private readonly DecisionRecorder _recorder = new(decisions, outbox, audit);

    public async Task<WorkflowOutcome> ExecuteAsync(string reference, ApprovalCommand command, CancellationToken ct)
    {
        var directory = await directorySource.GetAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await requests.GetAsync(reference, ct);
            if (stored is null) return command is ExpireCommand or RemindCommand ? new WorkflowOutcome(null, null, directory) : Withheld(null, directory, command.Actor.Id)!;
            // The deadline job acts as the system; a person acts only on a request they may see.
            if (command is not (ExpireCommand or RemindCommand) && Withheld(stored, directory, command.Actor.Id) is { } hidden) return hidden;
            var now = time.GetUtcNow();
            var result = ApprovalStateMachine.Apply(stored.Value, command, directory, now);
            switch (result.Status)
            {
                case TransitionStatus.Applied:
                    CommittedChange saved;
                    var followUp = RequestEvent.New(reference, EventKind(result), now, command.Actor.Id);
                    try
                    {
                        saved = await requests.UpdateAsync(result.Request, stored.Version, followUp, ct);
                    }
                    catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                    {
                        // Someone else changed the request first: reload and decide again on the fresh state.
                        await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 5)), ct);
                        continue;
                    }
                    if (result.DecisionRows.Count == 0) await RecordStepAsync(result, command.Actor, now, ct);
                    await events.PublishAsync(followUp, saved.Event.Version, ct);
                    return new WorkflowOutcome(result, saved.Request, directory);
                case TransitionStatus.Repeated:
                    await HealAsync(result, ct);
                    return new WorkflowOutcome(result, stored, directory);
                default:
                    return new WorkflowOutcome(result, stored, directory);
            }
        }
    }

    /// <summary>Loads a request for <paramref name="userId"/> to view (refresh, a click they may not act on): hidden unless they may see it.</summary>
    public async Task<WorkflowOutcome> LoadAsync(string reference, string? userId, CancellationToken ct)
    {
        var directory = await directorySource.GetAsync(ct);
        var stored = await requests.GetAsync(reference, ct);
        return Withheld(stored, directory, userId) ?? new WorkflowOutcome(null, stored, directory);
    }

    // A missing reference is reported as missing only to those who see every request; to anyone else it looks
    // exactly like someone else's request, so sequential references cannot be walked.
    private static WorkflowOutcome? Withheld(Versioned<ToolRequest>? stored, ApproverDirectory directory, string? userId) => stored is null
        ? RequestVisibility.SeesEveryRequest(directory, userId) ? new WorkflowOutcome(null, null, directory) : WorkflowOutcome.NotYours(directory)
        : RequestVisibility.MaySee(stored.Value, directory, userId) ? null : WorkflowOutcome.NotYours(directory);

    // A change without decision rows has nothing the follow-up could derive its audit entry from.
    private async Task RecordStepAsync(TransitionResult result, ApprovalActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var request = result.Request;
        await audit.AppendAsync(request.Reference, new AuditEvent(result.AuditKind!, actor.Id, request.Reference,
            JsonSerializer.Serialize(new { state = request.State.ToString() })), ct);
        await DecisionMail.EnsureAsync(outbox, request, now, ct);
    }

    // A repeated click: its earlier rows (and a final request's mail job) are recorded if a crash left them out.
    private Task HealAsync(TransitionResult result, CancellationToken ct) => _recorder.EnsureAsync(result.Request, result.DecisionRows, repairAudit: false, ct);

    private static RequestEventKind EventKind(TransitionResult result) => result.AuditKind switch
    {
        var kind when kind == AuditKinds.For(DecisionKind.RequestInformation) => RequestEventKind.InformationRequested,
        var kind when kind == AuditKinds.For(DecisionKind.Answer) => RequestEventKind.InformationProvided,
        var kind when kind == AuditKinds.For(DecisionKind.Withdraw) => RequestEventKind.Withdrawn,
        AuditKinds.Expired => RequestEventKind.Expired,
        AuditKinds.Reminded => RequestEventKind.ReminderDue,
        _ => RequestEventKind.Decided,
    };
}
