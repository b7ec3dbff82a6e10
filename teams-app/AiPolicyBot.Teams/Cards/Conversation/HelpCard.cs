using AiPolicyBot.Contacts;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>Welcome and help: what the bot can do in a few lines, with buttons.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(bool welcome, TrustContacts? contacts = null)
    {
        var body = new List<CardElement>
        {
            Heading(welcome ? "Hello, I'm AiPolicyBot" : "What I can do"),
            Para("I help you use AI tools safely under the Trust's AI policy. You can type things like:"),
            new TextBlock { Text = "- *Can I use ChatGPT for lesson planning?* – I'll tell you if it's allowed and on what conditions", Spacing = Spacing.Small },
            new TextBlock { Text = "- *Which tools are approved for marking?* – the approved list", Spacing = Spacing.None },
            new TextBlock { Text = "- *I'd like to request approval for Perplexity* – a short form that goes to the right people", Spacing = Spacing.None },
            new TextBlock { Text = "- *My requests* – where your requests are up to", Spacing = Spacing.None },
            new TextBlock { Text = "- *I've done the Copilot training* – I'll record it", Spacing = Spacing.None },
            Para("Worried about how AI or data is being used, or think personal data went into a tool by mistake? " + IaContact(contacts) +
                 " Please don't paste personal data into this chat.", subtle: true),
        };
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                Simple("Approved tools", ShowApprovedToolsAction.VerbName),
                StartRequest("Request a tool", new Dictionary<string, string>()),
                Simple("My requests", ShowMyRequestsAction.VerbName),
            ],
            FallbackText = "AiPolicyBot: ask \"can I use …?\", request a tool, see your requests.",
        };
    }
}
