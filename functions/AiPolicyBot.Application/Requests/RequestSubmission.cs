using System.Text.Json;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;

namespace AiPolicyBot.Application.Requests;

/// <summary>A person submits an intake (docs/policy-and-register.md). <see cref="SubmissionId"/> is the same on every retry.</summary>
public sealed record SubmissionCommand(
    string SubmissionId,
    string RequesterId,
    string RequesterName,
    JsonElement Intake,
    string Source = "teams");

/// <summary>Either the stored request (new, or the one an earlier identical submission created) or the field errors.</summary>
public sealed record SubmissionResult(ToolRequest? Request, IReadOnlyList<FieldError> Errors, bool Repeated = false)
{
    public bool Succeeded => Request is not null;

    public static SubmissionResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}

/// <summary>
/// The one way a request is made (Teams wizard, message extension, later mail): validate, route (R0–R12), take a
/// reference, store with its <see cref="RequestEventKind.Submitted"/> event (one transaction), audit, publish the event. Slow follow-up (approval cards,
/// notifications) happens on the queue, so a Teams turn stays fast. A repeated submission (double click, retried
/// invoke) with the same <see cref="SubmissionCommand.SubmissionId"/> creates nothing and returns the first request.
/// </summary>
public sealed class RequestSubmission(
    IRequestStore requests,
    IAuditLog audit,
    IRequestEventPublisher events,
    IIdempotencyStore idempotency,
    RegisterCache register,
    TrainingCache training,
    IntakeParser parser,
    PolicyRouter router,
    TimeProvider time)
{
    public const string IdempotencyScope = "request-submission";

    /// <summary>Checks an intake without submitting it (wizard steps): the field errors, or none.</summary>
    public IReadOnlyList<FieldError> Validate(JsonElement intake)
    {
        var parsed = parser.Parse(intake);
        return parsed.Value is null ? parsed.Errors : [];
    }

    public async Task<SubmissionResult> SubmitAsync(SubmissionCommand command, CancellationToken ct)
    {
        var parsed = parser.Parse(command.Intake);
        if (parsed.Value is not { } intake) return SubmissionResult.Invalid(parsed.Errors);

        var key = command.RequesterId + "|" + command.SubmissionId;
        if (!await idempotency.TryClaimAsync(IdempotencyScope, key, ct))
        {
            return await FindEarlierAsync(command, ct) is { } earlier
                ? new SubmissionResult(earlier, [], Repeated: true)
                : throw new SubmissionInProgressException();
        }

        ToolRequest request;
        CommittedChange committed;
        try
        {
            request = await RouteAsync(command, intake, ct);
            // The request and its Submitted event commit together: approvers are never left without their cards.
            var submitted = RequestEvent.New(request.Reference, RequestEventKind.Submitted, request.SubmittedAt, command.RequesterId);
            committed = await requests.CreateAsync(request, submitted, ct);
            request = committed.Request.Value;
        }
        catch
        {
            // Nothing was stored: let the person try again with the same card.
            await idempotency.ReleaseAsync(IdempotencyScope, key, CancellationToken.None);
            throw;
        }

        var data = JsonSerializer.Serialize(new { tier = request.Outcome.Tier, rules = request.Outcome.Reasons.Select(r => r.Rule) }, AiPolicyJson.Options);
        await audit.AppendAsync(request.Reference, new AuditEvent("submitted", command.RequesterId, request.Reference, data), ct);
        await events.PublishAsync(committed.Event.Value, committed.Event.Version, ct);
        return new SubmissionResult(request, []);
    }

    private async Task<ToolRequest> RouteAsync(SubmissionCommand command, Intake intake, CancellationToken ct)
    {
        var snapshot = await register.GetAsync(ct);
        var now = time.GetUtcNow();
        var matches = snapshot.FindExact(intake.ToolName);
        var trainingDone = matches.Count == 1 && await training.HasCompletedAsync(command.RequesterId, matches[0].Id, ct);
        var outcome = router.Evaluate(intake, snapshot, trainingDone, DateOnly.FromDateTime(now.UtcDateTime));
        var closed = outcome.Tier is Tier.Prohibited or Tier.AlreadyApproved;
        var reference = await requests.NextReferenceAsync(now.Year, ct);
        return new ToolRequest
        {
            Reference = reference,
            RequesterId = command.RequesterId,
            RequesterName = command.RequesterName,
            Intake = intake,
            Outcome = outcome,
            State = closed ? RequestState.Closed : RequestState.Pending,
            PendingRoles = closed ? [] : outcome.ApproverRoles,
            SubmittedAt = now,
            UpdatedAt = now,
            Source = command.Source,
            SubmissionId = command.SubmissionId,
        };
    }

    private async Task<ToolRequest?> FindEarlierAsync(SubmissionCommand command, CancellationToken ct)
    {
        // The first submission may still be writing: look a few times before giving up.
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var mine = await requests.ListByRequesterAsync(command.RequesterId, ct);
            if (mine.FirstOrDefault(r => r.Value.SubmissionId == command.SubmissionId) is { } found) return found.Value;
            await Task.Delay(TimeSpan.FromMilliseconds(250 * (attempt + 1)), time, ct);
        }
        return null;
    }
}

/// <summary>The same submission is still being processed by another call; the caller shows "still working".</summary>
public sealed class SubmissionInProgressException() : Exception("This request is already being submitted.");
