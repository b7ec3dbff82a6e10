using AiPolicyBot.Academies;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// The mail-outbox queue job (host-independent): load the outbox row, skip it if finished, render the mail from the
/// stored request and decisions, send it through the transport, mark it Sent. A 429 that survives the SDK retries
/// re-schedules the pointer (Retry-After + jitter) instead of burning queue attempts (graph-mail.md §4.3); any
/// other failure throws, so the queue retries and finally moves the message to mail-outbox-poison.
/// </summary>
public sealed class MailOutboxSender(
    IOutboxStore outbox,
    IRequestStore requests,
    IDecisionLog decisions,
    IMailTransport transport,
    OutboxQueue queue,
    GraphMailOptions mail,
    MailOutboxOptions settings,
    ILogger<MailOutboxSender> logger,
    Random? random = null,
    Inbox.TriageMailRenderer? triageMail = null,
    IOptionsMonitor<AcademyOptions>? academies = null)
{
    private static readonly TimeSpan ThrottleFallback = TimeSpan.FromSeconds(30);

    /// <summary>States a decision mail can report.</summary>
    public static readonly IReadOnlySet<RequestState> DecisionStates = new HashSet<RequestState>
    {
        RequestState.Approved, RequestState.Rejected, RequestState.Expired, RequestState.Withdrawn, RequestState.Closed,
    };
    private readonly Random _random = random ?? Random.Shared;

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var pointer = OutboxPointer.Parse(message);
        var current = await outbox.GetAsync(pointer.Reference, pointer.JobId, ct);
        if (current is null)
        {
            logger.LogWarning("Mail job {JobId} has no outbox row; nothing to send", pointer.JobId);
            return;
        }
        if (current.Value.IsFinished) return; // a replayed or relayed message: already done

        var mailMessage = await ComposeAsync(current.Value.Job, ct);
        var tracker = new RowDraftTracker(outbox, current);
        MailSendOutcome outcome;
        try
        {
            outcome = await transport.SendAsync(mailMessage, tracker, ct);
        }
        catch (Exception e) when (GraphRetry.ThrottledFor(e, ThrottleFallback) is { } wait && pointer.Attempt < settings.MaxReschedules)
        {
            var delay = wait + TimeSpan.FromSeconds(_random.Next(0, settings.RescheduleJitterMaxSeconds + 1));
            await queue.EnqueueAsync(pointer with { Attempt = pointer.Attempt + 1 }, delay, ct);
            logger.LogWarning("Mail job {JobId} throttled; re-scheduled in {Delay}", pointer.JobId, delay);
            return;
        }
        await MarkSentAsync(tracker.Current, ct);
        logger.LogInformation("Mail job {JobId}: {Outcome}", pointer.JobId, outcome);
    }

    private async Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct)
    {
        // Mailbox triage mail (DPO alert, complaint forward, acknowledgement) renders from its triage record.
        if (triageMail is not null && Inbox.TriageMailRenderer.Renders(job.Kind)) return await triageMail.ComposeAsync(job, ct);
        var request = await requests.GetAsync(job.Reference, ct)
            ?? throw new InvalidOperationException($"Request {job.Reference} of mail job {job.JobId} was not found.");
        // The decision row can commit (and its pointer arrive) before the approvals flow moves the request to its
        // final state: fail this delivery so the queue retries once the request has caught up.
        if (job.Kind == MailKind.Decision && !DecisionStates.Contains(request.Value.State))
            throw new RequestNotFinalException(job.Reference, request.Value.State);
        var academy = academies?.CurrentValue.NameOf(request.Value.Intake.AcademyId);
        return job.Kind switch
        {
            MailKind.Decision => DecisionMailComposer.Compose(request.Value, await decisions.ListAsync(job.Reference, ct), job.JobId, mail.Recipient, academy),
            MailKind.Submitted => SubmittedMailComposer.Compose(request.Value, job.JobId, mail.Recipient, academy),
            MailKind.RequestIncident => PossibleIncidentMailComposer.Compose(request.Value, job.JobId, mail.Recipient, academy),
            _ => throw new NotSupportedException($"Mail kind {job.Kind} is not sent by the mail outbox sender."),
        };
    }

    /// <summary>Sent is final; if another worker moved the row meanwhile, accept its Sent and retry anything else.</summary>
    private async Task MarkSentAsync(Versioned<OutboxRecord> current, CancellationToken ct)
    {
        try { await outbox.MarkSentAsync(current, ct); }
        catch (ConcurrencyConflictException)
        {
            var fresh = await outbox.GetAsync(current.Value.Job.Reference, current.Value.Job.JobId, ct);
            if (fresh is null || fresh.Value.IsFinished) return;
            await outbox.MarkSentAsync(fresh, ct);
        }
    }

    private sealed class RowDraftTracker(IOutboxStore outbox, Versioned<OutboxRecord> start) : IDraftTracker
    {
        public Versioned<OutboxRecord> Current { get; private set; } = start;

        public string? DraftId => Current.Value.DraftId;

        public async Task SaveDraftIdAsync(string draftId, CancellationToken ct) =>
            Current = await outbox.MarkDraftedAsync(Current, draftId, ct);
    }
}

/// <summary>A decision mail was due but the request is not in a final state yet; the queue retries it.</summary>
public sealed class RequestNotFinalException(string reference, RequestState state)
    : Exception($"Request {reference} is {state}, not final yet; the decision mail waits for it.");
