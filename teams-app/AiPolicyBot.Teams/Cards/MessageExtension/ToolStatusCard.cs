using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// The read-only card a search result inserts into a message (Teams chat or Outlook email): the tool, its status in
/// words, its scope and conditions. Its only action is an Action.OpenUrl deep link to ask the bot, because Outlook
/// runs nothing else in inserted cards and the people who read the message may not have the bot.
/// </summary>
public static class ToolStatusCard
{
    public static AdaptiveCard Build(RegisterEntry entry, DateOnly today, string askBotUrl)
    {
        var a = ToolStatusWords.Assess(entry, today);
        var name = CardText.Escape(entry.Name);
        var body = new List<CardElement>
        {
            new TextBlock { Text = name, Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Large },
            new TextBlock { Text = CardText.Escape(ToolStatusWords.Short(a)), Weight = TextWeight.Bolder, Color = ToolStatusWords.Colour(a), Spacing = Spacing.Small },
        };
        if (!string.IsNullOrWhiteSpace(entry.Description))
            body.Add(new TextBlock { Text = CardText.Escape(CardText.Truncate(entry.Description, 300)), IsSubtle = true, Spacing = Spacing.Small });

        var facts = new List<Fact>();
        if (!string.IsNullOrWhiteSpace(entry.Vendor)) facts.Add(new Fact("Made by", CardText.Escape(entry.Vendor)));
        if (ToolStatusWords.IsUsable(a))
        {
            facts.Add(new Fact("Personal data", a.DataAllowed ? "Allowed within the conditions" : "Not allowed: no personal or sensitive data"));
            facts.Add(new Fact("Who may use it", CardText.Escape(PlainWords.Users(entry.Scope.Users))));
            if (entry.Scope.MinYearGroup is { } min) facts.Add(new Fact("Learners", CardText.Escape(UseCheck.YearName(min) + " and above")));
            if (entry.Scope.UseCategories is { Count: > 0 } uses)
                facts.Add(new Fact("Approved for", CardText.Escape(string.Join(", ", uses.Select(PlainWords.UseCategory)))));
            if (entry.Scope.Academies is { Count: > 0 } academies)
                facts.Add(new Fact("Academies", CardText.Escape(string.Join(", ", academies))));
        }
        if (entry.ReviewBy is { } reviewBy) facts.Add(new Fact("Review by", PlainWords.Date(reviewBy)));
        if (!string.IsNullOrWhiteSpace(entry.DecisionReference)) facts.Add(new Fact("Decision", CardText.Escape(entry.DecisionReference)));
        if (facts.Count > 0) body.Add(new FactSet { Facts = facts, Spacing = Spacing.Medium });

        if (a.Verdict is UseVerdict.Declined or UseVerdict.Retired && !string.IsNullOrWhiteSpace(entry.DecisionReason))
            body.Add(new TextBlock { Text = "Why: " + CardText.Escape(CardText.Truncate(entry.DecisionReason, 300)) });
        if (ToolStatusWords.IsUsable(a) && entry.Conditions.Count > 0)
        {
            body.Add(new TextBlock { Text = "Conditions", Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            foreach (var c in entry.Conditions.Distinct(StringComparer.Ordinal))
                body.Add(new TextBlock { Text = "- " + CardText.Escape(ConditionDescriptions.Describe(c)), Spacing = Spacing.None });
        }
        body.Add(new TextBlock
        {
            Text = $"From the Trust's AI register on {PlainWords.Date(today)}. Ask AI Policy Helper before using it for something new.",
            IsSubtle = true,
            Size = TextSize.Small,
            Spacing = Spacing.Medium,
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new OpenUrlAction { Title = "Ask AI Policy Helper", Url = askBotUrl }],
            FallbackText = CardText.Plain($"{entry.Name}: {ToolStatusWords.Short(a)}"),
        };
    }

    public static ThumbnailPreview Preview(RegisterEntry entry, DateOnly today) =>
        new(CardText.Plain(entry.Name), ToolStatusWords.Short(ToolStatusWords.Assess(entry, today)));
}
