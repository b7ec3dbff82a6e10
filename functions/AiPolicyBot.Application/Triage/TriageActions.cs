using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Common;
using AiPolicyBot.Incidents;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Application.Triage;

/// <summary>
/// Carries out a <see cref="TriageActionPlan"/>. Every step is idempotent so a resumed run can redo it: outbox jobs
/// have deterministic ids (insert-if-absent), the draft reference is stored on the record before the request is
/// created, the incident case is keyed by the mail, and the Teams cards are posted behind an idempotency claim.
/// </summary>
public sealed class TriageActions(
    ITriageRecordStore records,
    IRequestStore requests,
    IOutbox outbox,
    IIdempotencyStore idempotency,
    IAdminAlerts alerts,
    RegisterCache register,
    ITriageNotifier notifier,
    IIncidentIntake incidents,
    TriageOptions options,
    TimeProvider time,
    ILogger<TriageActions> logger)
{
    public const string CardScope = "triage-card";

    public async Task<Versioned<TriageRecord>> ExecuteAsync(Versioned<TriageRecord> current, InboundMail mail, TriageActionPlan plan, CancellationToken ct)
    {
        var r = current.Value;
        var now = time.GetUtcNow();
        var snapshot = await register.GetAsync(ct);
        var match = snapshot.Search.FindInText(mail.Subject + "\n" + mail.Body);
        var enriched = r with
        {
            ToolName = r.ToolName ?? match.Entry?.Name ?? match.UnknownToolName,
            SuggestedAnswer = plan.SuggestAnswer ? SuggestedAnswer.For(match) : r.SuggestedAnswer,
        };
        if (plan.CreateDraftRequest && enriched.DraftReference is null)
            enriched = enriched with { DraftReference = await requests.NextReferenceAsync(now.Year, ct) };
        if (enriched != r) current = await SaveAsync(current, enriched, ct);
        r = current.Value;

        if (plan.AlertDpo)
        {
            if (string.IsNullOrWhiteSpace(options.DpoAddress))
                await alerts.RaiseAsync(new AdminAlert($"triage-breach|{r.Key[..32]}", "BreachNoDpoAddress", null,
                    "A possible breach was triaged but Triage:DpoAddress is not set; tell the DPO now.", now), ct);
            else await outbox.EnsureAsync(TriageMailComposer.IncidentAlertJob(r, now), ct);
            // The alert is a mail; the case is what someone owns and closes (one per mail, however often this runs).
            await incidents.OpenAsync(IncidentOpenings.FromTriage(r), ct);
        }
        if (plan.CreateDraftRequest && r.DraftReference is { } reference) await CreateDraftAsync(r, reference, mail, match, ct);
        if (plan.ForwardToComplaints)
        {
            if (string.IsNullOrWhiteSpace(options.ComplaintsContact))
                await alerts.RaiseAsync(new AdminAlert($"triage-complaint|{r.Key[..32]}", "ComplaintNoContact", null,
                    "A complaint was triaged but Triage:ComplaintsContact is not set; pass it to the complaints lead.", now), ct);
            else await outbox.EnsureAsync(TriageMailComposer.ComplaintForwardJob(r, now), ct);
        }
        if (plan.AcknowledgeSender && !plan.NoReply) await outbox.EnsureAsync(TriageMailComposer.AcknowledgementJob(r, now), ct);

        if (await idempotency.TryClaimAsync(CardScope, r.Key, ct))
        {
            try
            {
                await notifier.NotifyAsync(r, plan, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Cards are a convenience: the mail alert and the record stand. Release so a retry may post.
                await idempotency.ReleaseAsync(CardScope, r.Key, CancellationToken.None);
                logger.LogWarning("Triage card for {Key} not posted ({Error})", r.Key[..16], e.GetType().Name);
                throw;
            }
        }
        return current;
    }

    private async Task CreateDraftAsync(TriageRecord r, string reference, InboundMail mail, TextMatch match, CancellationToken ct)
    {
        if (await requests.GetAsync(reference, ct) is not null) return; // created by an earlier attempt
        var now = time.GetUtcNow();
        var purpose = PersonalDataRedactor.Redact(MailText.OneLine(mail.Subject + ". " + FirstLines(mail.Body), 500));
        var draft = new ToolRequest
        {
            Reference = reference,
            RequesterId = "mail:" + r.FromAddress.ToLowerInvariant(),
            RequesterName = r.FromAddress,
            Intake = new Intake
            {
                RequestType = RequestType.NewTool,
                AcademyId = "unknown",
                Role = StaffRole.Other,
                ToolName = match.Entry?.Name ?? match.UnknownToolName ?? "unknown",
                Vendor = match.Entry?.Vendor,
                Edition = Edition.Unknown,
                AccessMode = AccessMode.WebBrowser,
                Purpose = purpose,
                UseCategory = UseCategory.Other,
                Users = UserGroup.Staff,
                DataCategories = [DataCategory.Unsure],
                VendorTrainsOnInputs = VendorTraining.Unknown,
                OutputUse = OutputUse.Ideas,
                DeclNoDataYet = false,
                DeclReadPolicy = false,
            },
            // Not routed yet: the requester completes the intake in Teams, which routes it (R0–R12).
            Outcome = new RoutingOutcome(Tier.TrustApproval, false, [], [],
                [new RoutingReason("DRAFT", "§4", "Created from an email to the IA mailbox; routed once the requester completes it in Teams.")],
                match.Entry?.Id),
            State = RequestState.Draft,
            SubmittedAt = now,
            UpdatedAt = now,
            Source = "mail",
        };
        try
        {
            await requests.CreateAsync(draft, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // a concurrent run created it: same reference, same draft
        }
    }

    private static string FirstLines(string body)
    {
        var lines = body.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .TakeWhile(l => !l.StartsWith('>') && !l.StartsWith("-----", StringComparison.Ordinal)).Take(4);
        return string.Join(" ", lines);
    }

    private async Task<Versioned<TriageRecord>> SaveAsync(Versioned<TriageRecord> current, TriageRecord next, CancellationToken ct)
    {
        try
        {
            return await records.UpdateAsync(next with { UpdatedAt = time.GetUtcNow() }, current.Version, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Another runner moved it on; keep what it stored (its reference wins, ours is an unused number).
            return await records.GetAsync(current.Value.Key, ct) ?? throw new InvalidOperationException($"triage record {current.Value.Key} vanished");
        }
    }
}
