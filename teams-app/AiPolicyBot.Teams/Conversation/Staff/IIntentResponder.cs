namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// Answers one recognised intent in a message turn. One class per intent; the last registered for an intent wins,
/// so another part can take one over (the approvals part answers <see cref="Understanding.Intent.PendingApprovals"/>).
/// </summary>
public interface IIntentResponder
{
    Understanding.Intent Intent { get; }

    Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage understanding, CancellationToken ct);
}
