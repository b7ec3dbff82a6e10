using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>
/// Shared flow of the verbs that change a request: build the command from the invoke, apply it through the
/// <see cref="ApprovalWorkflow"/> (authorization, ETag, decision rows, audit) and answer with the clicker's fresh
/// card. Anyone who may not act gets the read-only card, never an error that says why.
/// </summary>
public abstract class ApprovalCommandHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : IApprovalVerbHandler, ICardActionHandler
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct) =>
        CardActionAdapter.ToResponse(await HandleAsync(CardActionAdapter.ToApprovalInvoke(turn, action), ct));

    public abstract string Verb { get; }

    protected abstract ApprovalCommand Command(ApprovalInvoke invoke, ApprovalActor actor);

    protected abstract string DoneNotice(ToolRequest request);

    public async Task<ApprovalInvokeResult> HandleAsync(ApprovalInvoke invoke, CancellationToken ct)
    {
        if (invoke.Reference is not { Length: > 0 } reference || !RequestReference.TryParse(reference, out _, out _))
            return ApprovalInvokeResult.Error(400, "BadRequest", "The card does not name a request (reference).");
        if (invoke.UserId is not { Length: > 0 } userId)
        {
            // Nobody we can identify may act: show the current state read-only.
            var loaded = await workflow.LoadAsync(reference, ct);
            return loaded.Request is null
                ? ApprovalInvokeResult.Error(404, "NotFound", $"Request {reference} was not found.")
                : new ApprovalInvokeResult(await cards.ReadOnlyCardAsync(loaded.Request.Value, loaded.Directory, ct));
        }
        var actor = new ApprovalActor(userId, invoke.UserName is { Length: > 0 } n ? n : "Unknown user");

        var outcome = await workflow.ExecuteAsync(reference, Command(invoke, actor), ct);
        if (outcome.Request is null) return ApprovalInvokeResult.Error(404, "NotFound", $"Request {reference} was not found.");
        var request = outcome.Request.Value;
        var (notice, problem) = outcome.Status switch
        {
            TransitionStatus.Applied => (DoneNotice(request), false),
            TransitionStatus.Repeated => ("Already recorded.", false),
            TransitionStatus.Invalid => (outcome.Result!.Problem, true),
            // Not allowed or no longer possible: show the current state, read-only for them, without saying more.
            _ => ((string?)null, false),
        };
        return new ApprovalInvokeResult(await cards.CardForAsync(request, outcome.Directory, userId, ct, notice, problem));
    }
}
