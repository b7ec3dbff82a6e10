using AiPolicyBot.Contacts;
using AiPolicyBot.Teams.Cards;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>The reply while the register is empty (a new deployment): no tool answers, and whom to ask instead.</summary>
public static class RegisterNotSetUp
{
    public static string Text(TrustContacts? contacts) =>
        "The Trust's register of AI tools is **not set up yet**, so I can't tell you whether a tool is approved. " +
        "Until it is, please ask Information Assurance before using an AI tool with Trust work: " +
        ContactWords.EmailOr(contacts?.InformationAssuranceEmail) + "speak to your academy's data protection lead." +
        (string.IsNullOrWhiteSpace(contacts?.PolicyUrl) ? "" : $" The AI policy is at {CardText.Escape(contacts.PolicyUrl)}.");
}
