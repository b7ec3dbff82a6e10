using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// The list of requests waiting for this approver, each with an Open button (verb approval.refresh, data = the
/// reference only): the one answer to the typed command "pendingApprovals" and to "what do I need to approve?"
/// (intent PendingApprovals, in place of the conversation part's fallback). Someone who is not an approver simply
/// sees "Nothing is waiting for you."
/// </summary>
public sealed class PendingApprovalsReply(PendingApprovalsQuery query) : ICommandHandler, IIntentResponder
{
    public const string CommandName = "pendingApprovals";

    public string Command => CommandName;

    public Intent Intent => Intent.PendingApprovals;

    public Task HandleAsync(TurnContext turn, CancellationToken ct) => ReplyAsync(turn, ct);

    public Task RespondAsync(TurnContext turn, UnderstoodMessage understanding, CancellationToken ct) => ReplyAsync(turn, ct);

    private async Task ReplyAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.UserAadObjectId is not { Length: > 0 } userId)
        {
            await turn.SendTextAsync("I cannot tell who you are here, so I cannot list your approvals.", ct);
            return;
        }
        var card = await query.CardForAsync(userId, ct);
        await turn.SendAsync(turn.Activity.CreateReply() with
        {
            Attachments = [CardActivities.Attachment(card)],
        }, ct);
    }
}
