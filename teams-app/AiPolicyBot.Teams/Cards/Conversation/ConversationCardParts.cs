using AiPolicyBot.Teams.Conversation.Staff;
using System.Text.Json.Nodes;
using AiPolicyBot.Contacts;
using AiPolicyBot.Policy;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>Pieces shared by the conversation cards: headings, condition lists, common actions.</summary>
internal static class ConversationCardParts
{
    public static TextBlock Heading(string escapedText) =>
        new() { Text = escapedText, Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Large };

    public static TextBlock Para(string escapedText, bool subtle = false) =>
        new() { Text = escapedText, IsSubtle = subtle ? true : null };

    /// <summary>Conditions in plain English as a bulleted list (codes are from the closed list, so not user text).</summary>
    public static IEnumerable<CardElement> Conditions(IEnumerable<string> codes, string title = "Conditions")
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) yield break;
        yield return new TextBlock { Text = title, Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        foreach (var c in list)
            yield return new TextBlock { Text = "- " + CardText.Escape(ConditionDescriptions.Describe(c)), Spacing = Spacing.None };
    }

    public static ExecuteAction StartRequest(string title, IReadOnlyDictionary<string, string> prefill, bool primary = false)
    {
        var p = new JsonObject();
        foreach (var (k, v) in prefill.OrderBy(kv => kv.Key, StringComparer.Ordinal)) p[k] = CardText.Plain(v);
        return new ExecuteAction { Title = title, Verb = StartRequestAction.VerbName, Data = new JsonObject { ["prefill"] = p }, Style = primary ? ActionStyle.Positive : null };
    }

    public static ExecuteAction RecordTraining(string entryId, string toolName) => new()
    {
        Title = "I've completed the training",
        Verb = RecordTrainingAction.VerbName,
        Data = new JsonObject { ["entryId"] = entryId },
        Tooltip = CardText.Plain($"Record that you completed the {toolName} training"),
    };

    public static ExecuteAction Simple(string title, string verb) => new() { Title = title, Verb = verb, Data = new JsonObject() };

    public static string IaContact(TrustContacts? contacts) =>
        "Contact Information Assurance (the Data Protection Officer) " +
        (string.IsNullOrWhiteSpace(contacts?.InformationAssuranceEmail)
            ? "through your academy's data protection lead."
            : $"by email at {CardText.Escape(contacts.InformationAssuranceEmail)} or through your academy's data protection lead.");
}
