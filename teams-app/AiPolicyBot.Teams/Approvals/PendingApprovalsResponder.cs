using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// "What do I need to approve?" (intent PendingApprovals): replaces the conversation part's fallback with the list of
/// requests waiting for this approver, each with an Open button (verb approval.refresh, data = the reference only).
/// </summary>
public sealed class PendingApprovalsResponder(PendingApprovalsQuery query) : IIntentResponder
{
    public Intent Intent => Intent.PendingApprovals;

    public async Task RespondAsync(TurnContext turn, UnderstoodMessage understanding, CancellationToken ct)
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
