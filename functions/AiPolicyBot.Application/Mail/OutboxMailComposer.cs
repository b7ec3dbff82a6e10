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
    IAdminAlerts? alerts = null,
    IEnumerable<IOutboxMailRenderer>? renderers = null,
    IPersonMail? people = null,
    TeamsAppOptions? teamsApp = null)
{
    private readonly IOutboxMailRenderer[] _renderers = renderers?.ToArray() ?? [];

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
        if (_renderers.FirstOrDefault(r => r.Renders(job.Kind)) is { } renderer) return await renderer.ComposeAsync(job, ct);
        var request = await requests.GetAsync(job.Reference, ct)
            ?? throw new InvalidOperationException($"Request {job.Reference} of mail job {job.JobId} was not found.");
        // The decision row can commit (and its pointer arrive) before the approvals flow moves the request to its
        // final state: fail this delivery so the queue retries once the request has caught up.
        if (job.Kind == MailKind.Decision && !DecisionStates.Contains(request.Value.State))
            throw new RequestNotFinalException(job.Reference, request.Value.State);
        var academy = academies?.CurrentValue.NameOf(request.Value.Intake.AcademyId);
        var links = Links(request.Value.Reference);
        return job.Kind switch
        {
            MailKind.Decision => DecisionMailComposer.Compose(request.Value, await decisions.ListAsync(job.Reference, ct), job.JobId, recipient, academy, links),
            MailKind.CardByEmail => await CardMailAsync(job, request.Value, links, academy, ct),
            MailKind.Submitted => SubmittedMailComposer.Compose(request.Value, job.JobId, recipient, academy),
            MailKind.RequestIncident => PossibleIncidentMailComposer.Compose(request.Value, job.JobId, recipient, academy),
            _ => throw new NotSupportedException($"Mail kind {job.Kind} is not sent by the mail outbox sender."),
        };
    }

    /// <summary>Deep links into Teams: the request's card (in the app's chat) and the register tab (docs/mail.md).</summary>
    private IReadOnlyList<MailLink> Links(string reference)
    {
        var o = teamsApp ?? new TeamsAppOptions();
        var links = new List<MailLink>();
        if (TeamsLinks.Chat(o, reference) is { } chat) links.Add(new("Open the request's card in Teams", chat));
        if (TeamsLinks.Register(o) is { } register) links.Add(new("Open the AI tools register in Teams", register));
        return links;
    }

    private async Task<MailMessage> CardMailAsync(OutboxJob job, ToolRequest request, IReadOnlyList<MailLink> links, string? academy, CancellationToken ct)
    {
        var person = OutboxJob.PersonOf(job) ?? throw new InvalidOperationException($"Mail job {job.JobId} names nobody.");
        var address = people is null ? null : await people.AddressOfAsync(person, ct);
        if (address is null) throw new InvalidOperationException($"No email address is known for the person of mail job {job.JobId}.");
        var forApprover = !string.Equals(person, request.RequesterId, StringComparison.OrdinalIgnoreCase);
        return CardMailComposer.Compose(request, job.JobId, address, forApprover, links, academy);
    }
}

/// <summary>A decision mail was due but the request is not in a final state yet; the queue retries it.</summary>
public sealed class RequestNotFinalException(string reference, RequestState state)
    : Exception($"Request {reference} is {state}, not final yet; the decision mail waits for it.");
