using AiPolicyBot.Teams.Conversation.Staff;
using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Understanding;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>
/// The bot was not sure what a message asks for: one short question and a button per likely intent, each carrying
/// the original text so the answer uses what was said. Also the card for anything the bot cannot place, so no
/// message meets a dead end.
/// </summary>
public static class ClarifyCard
{
    /// <summary>The usual four, in the order people need them, when the bot has no better guess.</summary>
    public static readonly IReadOnlyList<Intent> DefaultChoices = [Intent.AskTool, Intent.RequestApproval, Intent.MyRequests, Intent.ListApproved];

    public static AdaptiveCard Build(string text, IReadOnlyList<Intent> candidates) =>
        Card("Which of these did you mean?", null, text, candidates);

    /// <summary>A reply to a message that is not about tools, with the four ways on as buttons.</summary>
    public static AdaptiveCard NotPlaced(string escapedMessage, string text) =>
        Card(null, escapedMessage, text, DefaultChoices);

    private static AdaptiveCard Card(string? question, string? escapedMessage, string text, IReadOnlyList<Intent> choices)
    {
        var body = new List<CardElement>();
        if (question is not null) body.Add(new TextBlock { Text = question, Weight = TextWeight.Bolder, Wrap = true });
        if (escapedMessage is not null) body.Add(Para(escapedMessage));
        var carried = CardText.Truncate(text, 500);
        var actions = choices.Take(4).Select(i => (CardAction)new ExecuteAction
        {
            Title = Title(i),
            Verb = ClarifiedAction.VerbName,
            Data = new JsonObject { ["intent"] = i.Label(), ["text"] = CardText.Plain(carried) },
        }).ToList();
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            FallbackText = CardText.Plain(question ?? "AiPolicyBot: check a tool, request approval, see your requests or the approved tools."),
        };
    }

    public static string Title(Intent intent) => intent switch
    {
        Intent.AskTool => "Check a tool",
        Intent.RequestApproval => "Request approval",
        Intent.MyRequests => "My requests",
        Intent.ListApproved => "Approved tools",
        Intent.TrainingDone => "Record my training",
        Intent.PendingApprovals => "Approvals waiting for me",
        Intent.Help => "What can you do?",
        _ => "Something else",
    };
}
