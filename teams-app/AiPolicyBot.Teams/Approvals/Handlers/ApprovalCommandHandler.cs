using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>
/// Shared flow of the verbs that change a request: build the command from the card action, apply it through the
/// <see cref="ApprovalWorkflow"/> (authorization, ETag, decision rows, audit) and answer with the clicker's fresh
/// card. Anyone who may see the request but not act gets the read-only card, never an error that says why; anyone
/// who may not see it gets the same "not yours" card for every reference (<see cref="RequestVisibility"/>).
/// </summary>
public abstract class ApprovalCommandHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ICardActionHandler
{
    public abstract string Verb { get; }

    protected abstract ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor);

    protected abstract string DoneNotice(ToolRequest request);

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        if (ApprovalCardData.Reference(action) is not { } reference)
            return InvokeResponseFactory.BadRequest(ApprovalCardData.NoReference);
        if (turn.UserAadObjectId is not { Length: > 0 } userId)
        {
            // Nobody we can identify may see a request.
            return InvokeResponseFactory.Card(NotYoursCard.Build());
        }
        var actor = new ApprovalActor(userId, turn.Activity.From?.Name is { Length: > 0 } n ? n : "Unknown user");

        var outcome = await workflow.ExecuteAsync(reference, Command(action, actor), ct);
        if (outcome.Hidden) return InvokeResponseFactory.Card(NotYoursCard.Build());
        if (outcome.Request is null) return InvokeResponseFactory.NotFound(ApprovalCardData.NotFound(reference));
        var request = outcome.Request.Value;
        var (notice, problem) = outcome.Status switch
        {
            TransitionStatus.Applied => (DoneNotice(request), false),
            TransitionStatus.Repeated => ("Already recorded.", false),
            TransitionStatus.Invalid => (outcome.Result!.Problem, true),
            // Not allowed or no longer possible: show the current state, read-only for them, without saying more.
            _ => ((string?)null, false),
        };
        return InvokeResponseFactory.Card(await cards.CardForAsync(request, outcome.Directory, userId, ct, notice, problem));
    }
}
