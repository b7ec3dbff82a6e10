using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Dispatch;
using static AiPolicyBot.Teams.Cards.CardActivities;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>Not sure what the message asks: one short question with the likely intents as buttons.</summary>
public sealed class ClarifyResponder : IIntentResponder
{
    public Intent Intent => Intent.Clarify;

    public Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct) =>
        turn.SendAsync(CardMessage(ClarifyCard.Build(u.Text, u.Candidates.Count >= 2 ? u.Candidates : ClarifyCard.DefaultChoices)), ct);
}

/// <summary>
/// A clarifying button was pressed: the original text (carried on the button) is answered as the chosen intent, in a
/// new message, and the question is replaced by what was chosen.
/// </summary>
public sealed class ClarifiedAction(StaffConversation conversation, IEnumerable<IIntentResponder> responders) : ICardActionHandler
{
    private readonly IReadOnlyDictionary<Intent, IIntentResponder> _byIntent =
        HandlerRegistry.Unique(responders, r => r.Intent, "intent");

    /// <summary>A button of a clarifying question (data: intent, text).</summary>
    public const string VerbName = "clarified";

    public string Verb => VerbName;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        if (IntentNames.FromLabel(action.GetString("intent")) is not { } intent || intent == Intent.Clarify
            || !_byIntent.TryGetValue(intent, out var responder))
            return InvokeResponseFactory.BadRequest("That choice is not one the bot offers.");
        var text = action.GetString("text") ?? "";
        var understood = (await conversation.UnderstandAsync(text, ct)).As(intent);
        await responder.RespondAsync(turn, understood, ct);
        return InvokeResponseFactory.Card(new AdaptiveCard
        {
            Body = [new TextBlock { Text = "You chose: " + CardText.Escape(ClarifyCard.Title(intent)), IsSubtle = true }],
            FallbackText = "You chose: " + ClarifyCard.Title(intent),
        });
    }
}
