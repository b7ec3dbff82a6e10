using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>
/// refresh: returns this user's view (approver buttons only for someone holding a pending role). It never edits the
/// shared message, whether the trigger is automatic or manual: editing on an automatic refresh makes every viewer
/// refresh again (the refresh loop, docs/approvals.md). Copies are edited only after a change. Someone who may not
/// see the request gets the "not yours" card, whether or not the reference exists.
/// </summary>
public sealed class RefreshApprovalHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ICardActionHandler
{
    public const string VerbName = "approval.refresh";

    public string Verb => VerbName;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        if (ApprovalCommandHandler.Reference(action) is not { } reference)
            return InvokeResponseFactory.BadRequest(ApprovalCommandHandler.NoReference);
        var loaded = await workflow.LoadAsync(reference, turn.UserAadObjectId, ct);
        if (loaded.Hidden) return InvokeResponseFactory.Card(NotYoursCard.Build());
        if (loaded.Request is null) return InvokeResponseFactory.NotFound(ApprovalCommandHandler.NotFound(reference));
        return InvokeResponseFactory.Card(await cards.CardForAsync(loaded.Request.Value, loaded.Directory, turn.UserAadObjectId, ct));
    }
}
