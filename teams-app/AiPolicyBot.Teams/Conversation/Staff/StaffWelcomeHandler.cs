using AiPolicyBot.Contacts;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Conversation;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>Greets once per install with the welcome card (replaces the protocol's placeholder text).</summary>
public sealed class StaffWelcomeHandler(IOptions<TrustContacts>? contacts = null) : IInstallHandler
{
    public Task OnInstalledAsync(TurnContext turn, CancellationToken ct) =>
        turn.SendAsync(CardActivities.CardMessage(HelpCard.Build(welcome: true, contacts?.Value)), ct);
}
