using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Mail;

/// <summary>
/// Mail on request events: a request in a final state gets its decision-mail job (<see cref="DecisionMail"/>, a safety
/// net behind the approvals flow); a submitted request flagged by R0 gets its "possible incident" job, always; and
/// with <paramref name="sendOnSubmit"/> every submitted request gets its "new request" job. Insert-if-absent with
/// deterministic job ids, so it never adds a second email to what the approvals flow recorded.
/// </summary>
public sealed class MailRequestEventHandler(IOutbox outbox, bool sendOnSubmit) : IRequestEventHandler
{
    public async Task HandleAsync(RequestEvent requestEvent, Versioned<ToolRequest> stored, CancellationToken ct)
    {
        var request = stored.Value;
        if (requestEvent.Kind == RequestEventKind.Submitted && request.Outcome.Conditions.Contains(ConditionCodes.PossibleIncidentReview))
            await outbox.EnsureAsync(OutboxJob.PossibleIncidentFor(request.Reference, request.SubmittedAt), ct);
        if (requestEvent.Kind == RequestEventKind.Submitted && sendOnSubmit)
            await outbox.EnsureAsync(OutboxJob.SubmittedFor(request.Reference, request.SubmittedAt), ct);
        await DecisionMail.EnsureAsync(outbox, request, request.UpdatedAt, ct);
    }
}
