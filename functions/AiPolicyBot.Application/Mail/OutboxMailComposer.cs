using AiPolicyBot.Academies;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Mail;

/// <summary>
/// Which email an outbox job becomes, rendered from stored state when it is sent (the job holds no content): request
/// mail from the request (and its decisions) to <paramref name="recipient"/>, triage mail from its triage record, an
/// administrator alert from its alert record.
/// </summary>
public sealed class OutboxMailComposer(
    IRequestStore requests,
    IDecisionLog decisions,
    string recipient,
    ITriageMailRenderer? triageMail = null,
    IOptionsMonitor<AcademyOptions>? academies = null,
    IAdminAlerts? alerts = null)
{
    /// <summary>States a decision mail can report.</summary>
    public static readonly IReadOnlySet<RequestState> DecisionStates = new HashSet<RequestState>
    {
        RequestState.Approved, RequestState.Rejected, RequestState.Expired, RequestState.Withdrawn, RequestState.Closed,
    };

    public static bool IsTriageMail(MailKind kind) => kind is MailKind.IncidentAlert or MailKind.ComplaintForward or MailKind.Acknowledgement;

    public async Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct)
    {
        if (triageMail is not null && IsTriageMail(job.Kind)) return await triageMail.ComposeAsync(job, ct);
        if (AdminAlertMail.AlertIdOf(job) is { } alertId && alerts is not null)
            return AdminAlertMail.Compose(await alerts.GetAsync(alertId, ct)
                ?? throw new InvalidOperationException($"Alert of mail job {job.JobId} was not found."), job.JobId, recipient);
        var request = await requests.GetAsync(job.Reference, ct)
            ?? throw new InvalidOperationException($"Request {job.Reference} of mail job {job.JobId} was not found.");
        // The decision row can commit (and its pointer arrive) before the approvals flow moves the request to its
        // final state: fail this delivery so the queue retries once the request has caught up.
        if (job.Kind == MailKind.Decision && !DecisionStates.Contains(request.Value.State))
            throw new RequestNotFinalException(job.Reference, request.Value.State);
        var academy = academies?.CurrentValue.NameOf(request.Value.Intake.AcademyId);
        return job.Kind switch
        {
            MailKind.Decision => DecisionMailComposer.Compose(request.Value, await decisions.ListAsync(job.Reference, ct), job.JobId, recipient, academy),
            MailKind.Submitted => SubmittedMailComposer.Compose(request.Value, job.JobId, recipient, academy),
            MailKind.RequestIncident => PossibleIncidentMailComposer.Compose(request.Value, job.JobId, recipient, academy),
            _ => throw new NotSupportedException($"Mail kind {job.Kind} is not sent by the mail outbox sender."),
        };
    }
}

/// <summary>A decision mail was due but the request is not in a final state yet; the queue retries it.</summary>
public sealed class RequestNotFinalException(string reference, RequestState state)
    : Exception($"Request {reference} is {state}, not final yet; the decision mail waits for it.");
