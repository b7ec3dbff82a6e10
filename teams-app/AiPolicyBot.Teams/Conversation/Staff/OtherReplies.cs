using System.Text.RegularExpressions;
using AiPolicyBot.Contacts;
using AiPolicyBot.Teams.Cards;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>Friendly replies for messages that are not about tools; concerns and incidents go to Information Assurance.</summary>
public static partial class OtherReplies
{
    [GeneratedRegex(@"\b(pasted|put|uploaded|entered|typed|shared|copied|sent|mistake|accident\w*|breach|leak\w*|worried|concern\w*|incident|misus\w*|cheating|plagiar\w*|complain\w*)\b", Options, TimeoutMs)]
    private static partial Regex Concern { get; }
    [GeneratedRegex(@"\b(thanks?|thank you|cheers|ta)\b", Options, TimeoutMs)]
    private static partial Regex Thanks { get; }
    [GeneratedRegex(@"^\s*(hi|hello|hey|hiya|morning|good (morning|afternoon|evening))\b", Options, TimeoutMs)]
    private static partial Regex Greeting { get; }
    [GeneratedRegex(@"\b(useless|rubbish|annoying|doesn't work|does not work|hate|stupid|pointless)\b", Options, TimeoutMs)]
    private static partial Regex Unhappy { get; }
    [GeneratedRegex(@"\b(write|make|create|generate|draft|plan|mark|summari[sz]e|translate)\b", Options, TimeoutMs)]
    private static partial Regex DoTheWork { get; }

    /// <summary>Where to report a concern or incident; the address comes from configuration (Contacts section).</summary>
    public static string InformationAssurance(TrustContacts? contacts) =>
        "Please tell **Information Assurance** (the Data Protection Officer) straight away: " + ContactWords.EmailOr(contacts?.InformationAssuranceEmail) +
        "speak to your academy's data protection lead. Describe what happened " +
        "without copying any personal data into the message, and **please don't paste personal data here**. " +
        "If the data went into an AI tool, don't delete anything yet: they'll tell you what to do. " +
        "Concerns about a colleague can also go to your line manager (policy 3.5).";

    /// <summary>The reply when nothing else fits.</summary>
    public const string Fallback = "I'm not sure I can help with that. I answer questions about AI tools and the Trust's AI policy: type **help** to see what I can do.";

    /// <summary>The message reports a concern or an incident: the reply offers to open a case for the DPO.</summary>
    public static bool IsConcern(string text) => Concern.IsMatch(text);

    public static string For(string text, TrustContacts? contacts = null)
    {
        if (Concern.IsMatch(text))
            return "Thank you for raising this. " + InformationAssurance(contacts);
        if (Unhappy.IsMatch(text))
            return "Sorry I haven't been helpful. I answer questions about AI tools under the Trust's AI policy: try *can I use Copilot to write a parent letter?*, or type **help**. Feedback about the bot is welcome via Information Assurance" +
                   (string.IsNullOrWhiteSpace(contacts?.InformationAssuranceEmail) ? "." : $" ({CardText.Escape(contacts.InformationAssuranceEmail)}).");
        if (Thanks.IsMatch(text))
            return "You're welcome! Ask me about any AI tool whenever you need to.";
        if (Greeting.IsMatch(text))
            return "Hello! Ask me whether you can use an AI tool (for example *can I use ChatGPT for lesson planning?*), or type **help** to see what I can do.";
        if (DoTheWork.IsMatch(text))
            return "I can't write or make things myself: I help you choose an approved AI tool and use it within the Trust's AI policy. Try *which tools are approved for lesson planning?*";
        return Fallback;
    }
}
