using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// "pendingApprovals" (typed, or routed here by the conversation's intent): the list of requests waiting for this
/// approver, each with an Open button. Someone who is not an approver simply sees "Nothing is waiting for you."
/// </summary>
public sealed class PendingApprovalsCommand(PendingApprovalsQuery query) : ICommandHandler
{
    public const string Name = "pendingApprovals";

    public string Command => Name;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
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
