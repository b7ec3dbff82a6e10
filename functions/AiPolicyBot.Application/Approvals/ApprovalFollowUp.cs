using AiPolicyBot.Application.Register;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Approvals;

/// <summary>
/// The slow follow-up of request events, off the Teams turn (queue request-events): on submission the approval cards
/// go to each required approver's 1:1 chat, the approvals channel and the requester, and R0 alerts the DPO at once;
/// after every change every card copy is edited, the requester (or the asking approver) is told, and a final
/// decision updates the register. Each side effect is claimed in the idempotency store first, so a redelivered event
/// never sends twice.
/// </summary>
public sealed class ApprovalFollowUp(
    IApproverDirectorySource directories,
    IApprovalCards cards,
    IApprovalNotices notices,
    ApprovalDelivery delivery,
    IIdempotencyStore once,
    RegisterRecorder register,
    IRegisterChangeListener registerChanged,
    IOptions<ApprovalOptions> approvalOptions,
    IOptions<PolicyOptions> policyOptions,
    ILogger<ApprovalFollowUp> logger) : IRequestEventHandler
{
    private const string Scope = "approval-followup";

    public async Task HandleAsync(RequestEvent e, Versioned<ToolRequest> stored, CancellationToken ct)
    {
        var request = stored.Value;
        var directory = await directories.GetAsync(ct);
        switch (e.Kind)
        {
            case RequestEventKind.Submitted:
                await SendApprovalCardsAsync(request, directory, ct);
                break;
            case RequestEventKind.ReminderDue:
                await RemindAsync(request, directory, ct);
                break;
            default:
                await cards.UpdateAllCopiesAsync(request, directory, ct);
                await TellPeopleAsync(e, request, ct);
                if (request.State == RequestState.Approved && request.Outcome.RequiresItInstall && request.Outcome.Tier != Tier.ItInstall)
                    foreach (var it in directory.PeopleFor(ApproverRoles.It, request.Intake.AcademyId))
                        await OnceAsync($"{request.Reference}|install|{it}", () => notices.InstallNeededAsync(it, request, ct), ct);
                if (request.State is RequestState.Approved or RequestState.Rejected) await UpdateRegisterAsync(request, ct);
                break;
        }
    }

    private async Task SendApprovalCardsAsync(ToolRequest request, ApproverDirectory directory, CancellationToken ct)
    {
        if (request.Outcome.Conditions.Contains(ConditionCodes.PossibleIncidentReview))
        {
            // R0: the DPO hears at once in Teams, whatever the rest of the route is; the IA mailbox gets the
            // "possible incident" email from the mail part (MailRequestEventHandler).
            foreach (var dpo in directory.PeopleFor(ApproverRoles.Dpo, request.Intake.AcademyId))
                await OnceAsync($"{request.Reference}|incident|{dpo}", () => notices.PossibleIncidentAsync(dpo, request, ct), ct);
        }
        if (request.State != RequestState.Pending) return;
        foreach (var role in request.PendingRoles)
            if (ApproverDirectoryCheck.MissingHolder(directory, role, request.Intake.AcademyId) is { } key)
                logger.LogError("Request {Reference} needs a {Role} but nobody is configured: set {Key}", request.Reference, role, key);
        // Each person's delivery is recorded (and retried, or sent by email) by ApprovalDelivery.
        foreach (var approver in ApprovalAuthorizer.PendingApproverIds(request, directory))
            await OnceAsync($"{request.Reference}|card|{approver}", async () =>
            {
                await delivery.DeliverAsync(request, directory, approver, RolesOf(request, directory, approver), CardAudience.Approver, 0, ct);
                return true;
            }, ct);
        await OnceAsync($"{request.Reference}|card|requester", async () =>
        {
            await delivery.DeliverAsync(request, directory, request.RequesterId, "requester", CardAudience.Requester, 0, ct);
            return true;
        }, ct);
        if (approvalOptions.Value.ChannelConversationId is { Length: > 0 } channel)
            await OnceAsync($"{request.Reference}|card|channel", () => cards.PostToChannelAsync(request, directory, channel, ct), ct);
    }

    /// <summary>How the card names a person: the pending roles they hold ("CIO", "CDO/DPO", "CIO deputy").</summary>
    private static string RolesOf(ToolRequest request, ApproverDirectory directory, string userId) =>
        string.Join("/", request.PendingRoles.Where(role => directory.Holds(userId, role, request.Intake.AcademyId))
            .Select(role => string.Equals(directory.HoldersOf(role, request.Intake.AcademyId)?.Primary, userId, StringComparison.OrdinalIgnoreCase)
                ? role : role + " deputy"));

    private async Task TellPeopleAsync(RequestEvent e, ToolRequest request, CancellationToken ct)
    {
        var key = $"{request.Reference}|tell|{request.State}|{request.Decisions.Count}|{request.AnsweredQuestions.Count}";
        switch (e.Kind)
        {
            case RequestEventKind.InformationProvided when request.AnsweredQuestions is [.., var answered]:
                await OnceAsync(key, () => notices.AnswerReceivedAsync(answered.AskedById, request, ct), ct);
                break;
            case RequestEventKind.InformationRequested:
            case RequestEventKind.Expired:
            case RequestEventKind.Decided when request.State.IsFinal():
                // Where they asked: their chat (installed for them if needed), else an email with the card's news.
                await OnceAsync(key, async () => await notices.StateChangedAsync(request.RequesterId, request, ct)
                    || await delivery.EmailAsync(request, request.RequesterId, ct), ct);
                break;
        }
    }

    private async Task RemindAsync(ToolRequest request, ApproverDirectory directory, CancellationToken ct)
    {
        foreach (var approver in ApprovalAuthorizer.PendingApproverIds(request, directory))
            await OnceAsync($"{request.Reference}|remind|{request.LastReminderAt:O}|{approver}",
                () => notices.ReminderAsync(approver, request, ct), ct);
    }

    private async Task UpdateRegisterAsync(ToolRequest request, CancellationToken ct)
    {
        if (await register.RecordAsync(request, policyOptions.Value.NextPolicyReviewDate, ct) is not null)
            await registerChanged.RegisterChangedAsync(ct);
    }

    /// <summary>Claims the side effect, runs it, and gives the claim back if it threw (so a retry tries again).</summary>
    private async Task OnceAsync(string key, Func<Task<bool>> sideEffect, CancellationToken ct)
    {
        if (!await once.TryClaimAsync(Scope, key, ct)) return;
        try
        {
            if (!await sideEffect()) logger.LogWarning("Could not reach the recipient for {Key} (bot not installed for them?)", key.Split('|')[0]);
        }
        catch
        {
            await once.ReleaseAsync(Scope, key, ct);
            throw;
        }
    }
}
