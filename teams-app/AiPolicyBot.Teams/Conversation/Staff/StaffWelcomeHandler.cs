using AiPolicyBot.Teams.Cards.Conversation;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>Greets once per install with the welcome card (replaces the protocol's placeholder text).</summary>
public sealed class StaffWelcomeHandler : IInstallHandler
{
    public Task OnInstalledAsync(TurnContext turn, CancellationToken ct) =>
        turn.SendAsync(StaffConversation.CardMessage(HelpCard.Build(welcome: true)), ct);
}
