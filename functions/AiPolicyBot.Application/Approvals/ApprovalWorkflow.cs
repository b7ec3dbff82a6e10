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
/// Applies approval commands to stored requests: load → <see cref="ApprovalStateMachine"/> → ETag-guarded update
/// (reload and re-apply on <see cref="ConcurrencyConflictException"/>) → append-only decision rows with their outbox
/// job → audit entries → a request event for the slow follow-up (cards, requester, register). The decision row and
/// audit entry are written after the request update wins, so only accepted decisions are recorded; a repeated click
/// re-records its earlier rows (insert-if-absent) and so also heals a crash between the two writes.
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
                    Versioned<ToolRequest> saved;
                    try { saved = await requests.UpdateAsync(result.Request, stored.Version, ct); }
                    catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                    {
                        // Someone else changed the request first: reload and decide again on the fresh state.
                        await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 5)), ct);
                        continue;
                    }
                    await RecordAsync(result, command.Actor, now, ct);
                    await events.PublishAsync(new RequestEvent(reference, EventKind(result), now, command.Actor.Id), ct);
                    return new WorkflowOutcome(result, saved, directory);
                case TransitionStatus.Repeated:
                    await HealAsync(result, now, ct);
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

    private async Task RecordAsync(TransitionResult result, ApprovalActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var request = result.Request;
        var rows = result.DecisionRows;
        var mail = DecisionMail.JobFor(request, now);
        for (var i = 0; i < rows.Count; i++)
        {
            // The decision email job rides with the row that made the request final, in the same transaction.
            IReadOnlyList<OutboxJob> jobs = mail is not null && i == rows.Count - 1 ? [mail] : [];
            if (await decisions.RecordAsync(request.Reference, rows[i], jobs, ct))
                await audit.AppendAsync(request.Reference, DecisionAudit(rows[i], request), ct);
        }
        if (rows.Count == 0)
        {
            await audit.AppendAsync(request.Reference, new AuditEvent(result.AuditKind!, actor.Id, request.Reference,
                JsonSerializer.Serialize(new { state = request.State.ToString() })), ct);
            await DecisionMail.EnsureAsync(outbox, request, now, ct);
        }
    }

    private async Task HealAsync(TransitionResult result, DateTimeOffset now, CancellationToken ct)
    {
        var request = result.Request;
        IReadOnlyList<OutboxJob> jobs = DecisionMail.JobFor(request, now) is { } mail ? [mail] : [];
        foreach (var row in result.DecisionRows)
        {
            if (await decisions.RecordAsync(request.Reference, row, jobs, ct))
                await audit.AppendAsync(request.Reference, DecisionAudit(row, request), ct);
        }
        await DecisionMail.EnsureAsync(outbox, request, now, ct);
    }

    // Pseudonymous ids and codes only: the audit log is kept for years (the note stays in the decision row).
    private static AuditEvent DecisionAudit(ApprovalDecision d, ToolRequest request) =>
        new(AuditKinds.For(d.Kind), d.ApproverId, request.Reference, JsonSerializer.Serialize(new
        {
            role = d.Role,
            decision = d.Kind.ToString(),
            conditions = d.Conditions,
            hasNote = d.Comment is not null,
            state = request.State.ToString(),
        }));

    private static RequestEventKind EventKind(TransitionResult result) => result.AuditKind switch
    {
        AuditKinds.InformationRequested => RequestEventKind.InformationRequested,
        AuditKinds.InformationProvided => RequestEventKind.InformationProvided,
        AuditKinds.Withdrawn => RequestEventKind.Withdrawn,
        AuditKinds.Expired => RequestEventKind.Expired,
        AuditKinds.Reminded => RequestEventKind.ReminderDue,
        _ => RequestEventKind.Decided,
    };
}
