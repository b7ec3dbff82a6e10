using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>
/// refresh: returns this user's view (approver buttons only for someone holding a pending role). It never edits the
/// shared message, whether the trigger is automatic or manual: editing on an automatic refresh makes every viewer
/// refresh again (the refresh loop of anchors.md §3 item 9). Copies are edited only after a change.
/// </summary>
public sealed class RefreshApprovalHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : IApprovalVerbHandler, ICardActionHandler
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct) =>
        CardActionAdapter.ToResponse(await HandleAsync(CardActionAdapter.ToApprovalInvoke(turn, action), ct));

    public string Verb => ApprovalVerbs.Refresh;

    public async Task<ApprovalInvokeResult> HandleAsync(ApprovalInvoke invoke, CancellationToken ct)
    {
        if (invoke.Reference is not { Length: > 0 } reference || !RequestReference.TryParse(reference, out _, out _))
            return ApprovalInvokeResult.Error(400, "BadRequest", "The card does not name a request (reference).");
        var loaded = await workflow.LoadAsync(reference, ct);
        if (loaded.Request is null) return ApprovalInvokeResult.Error(404, "NotFound", $"Request {reference} was not found.");
        return new ApprovalInvokeResult(await cards.CardForAsync(loaded.Request.Value, loaded.Directory, invoke.UserId, ct));
    }
}
