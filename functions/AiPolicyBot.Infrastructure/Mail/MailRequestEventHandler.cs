using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Mail on request events: a request in a final state (approved, rejected, expired, withdrawn) gets its decision-mail
/// outbox job (a safety net behind the approvals flow); a submitted request flagged by R0 gets its "possible incident"
/// job, always; and with GraphMail:SendOnSubmit every submitted request gets its "new request" job.
/// Insert-if-absent with deterministic job ids, so it never adds a second email to what the approvals flow recorded.
/// </summary>
public sealed class MailRequestEventHandler(IDecisionLog decisions, GraphMailOptions mail) : IRequestEventHandler
{
    private static readonly HashSet<RequestState> Final = [RequestState.Approved, RequestState.Rejected, RequestState.Expired, RequestState.Withdrawn];

    public async Task HandleAsync(RequestEvent requestEvent, ToolRequest request, CancellationToken ct)
    {
        if (requestEvent.Kind == RequestEventKind.Submitted && request.Outcome.Conditions.Contains(ConditionCodes.PossibleIncidentReview))
            await decisions.EnsureOutboxAsync(OutboxJob.PossibleIncidentFor(request.Reference, request.SubmittedAt), ct);
        if (requestEvent.Kind == RequestEventKind.Submitted && mail.SendOnSubmit)
            await decisions.EnsureOutboxAsync(OutboxJob.SubmittedFor(request.Reference, request.SubmittedAt), ct);
        if (Final.Contains(request.State))
            await decisions.EnsureOutboxAsync(OutboxJob.DecisionFor(request.Reference, request.UpdatedAt), ct);
    }
}
