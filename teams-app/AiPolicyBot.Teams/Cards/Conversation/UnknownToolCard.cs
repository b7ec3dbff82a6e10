using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Wizard;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>
/// A tool the register does not know (or a question naming no tool): not assessed yet, the rule until then (policy
/// 3.1), and the first page of the request form, prefilled, one click away.
/// </summary>
public static class UnknownToolCard
{
    public static AdaptiveCard Build(string? toolName, string? question, WizardState prefilledWizard, IReadOnlyList<WizardPage> pages)
    {
        var shown = string.IsNullOrWhiteSpace(toolName) ? "That tool" : CardText.Escape(toolName);
        var body = new List<CardElement>
        {
            Heading(string.IsNullOrWhiteSpace(toolName) ? "An AI tool that isn't named" : shown),
        };
        if (!string.IsNullOrWhiteSpace(question))
            body.Add(new TextBlock { Text = "You asked: " + CardText.Escape(CardText.Truncate(question, 300)), IsSubtle = true, Size = TextSize.Small });
        body.Add(new TextBlock
        {
            Text = string.IsNullOrWhiteSpace(toolName) ? "Which tool? It depends on the tool" : "Not assessed yet",
            Weight = TextWeight.Bolder,
            Size = TextSize.Medium,
            Color = TextColor.Warning,
            Spacing = Spacing.Medium,
        });
        body.Add(Para(string.IsNullOrWhiteSpace(toolName)
            ? "Tell me the tool's name (for example \"can I use Copilot to write reports?\") and I'll check the register. Approved tools are listed under \"Approved tools\"."
            : $"{shown} is not in the Trust's register of AI tools, so the Trust has not checked it for data protection or security."));
        body.Add(Para("Until a tool is approved: don't put any personal or commercially sensitive data into it, such as names, pupil details, reports, SEND information or anything confidential (Trust AI policy 3.1)."));
        body.Add(new FactSet { Facts = [new("Status", "Not assessed yet"), new("Policy section", "Trust AI policy 3.1")] });

        var form = RequestWizardCard.Build(prefilledWizard, pages);
        var actions = new List<CardAction>
        {
            new ShowCardAction { Title = "Request approval", Card = form with { FallbackText = null } },
            Simple("Approved tools", ShowApprovedToolsAction.VerbName),
        };
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = CardText.Plain($"{toolName ?? "That tool"} is not assessed yet") };
    }
}
