using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// The confirmation in the dialog after a request was submitted from the message extension: the bot's own outcome card
/// (<see cref="RequestOutcomeCard"/>: reference, route, conditions, next steps), with its Action.Execute button, which
/// a dialog cannot run, swapped for a deep link to the person's requests in the chat with the bot.
/// </summary>
public static class RequestSubmittedCard
{
    public static AdaptiveCard Build(ToolRequest request, string myRequestsUrl, bool trainingStillNeeded = false) =>
        RequestOutcomeCard.Build(request, trainingStillNeeded) with
        {
            Actions = [new OpenUrlAction { Title = "Open my requests", Url = myRequestsUrl }],
        };
}
