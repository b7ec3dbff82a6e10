using System.Text.Json.Nodes;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// "Check AI tools in this message": every register tool the message mentions with its status in words, in a dialog.
/// Tools that are not approved get a "Request approval" button (Action.Submit, which opens the request form in the
/// same dialog); approved ones offer a new use.
/// </summary>
public static class MessageToolsCard
{
    public const string Title = "AI tools in this message";

    /// <summary>data.msgextAction of the buttons that open the request form.</summary>
    public const string OpenRequestForm = "openRequestForm";

    public static AdaptiveCard Build(IReadOnlyList<TextMatch> found, string? unknownToolName, DateOnly today)
    {
        var body = new List<CardElement>
        {
            new TextBlock { Text = Title, Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
        };
        if (found.Count == 0)
        {
            body.Add(new TextBlock { Text = "I didn't find any AI tool from the Trust's register in this message." });
            if (!string.IsNullOrWhiteSpace(unknownToolName))
                body.Add(new TextBlock
                {
                    Text = $"It mentions \"{CardText.Escape(unknownToolName)}\", which is not in the register, so it is not approved. " +
                           "Don't put any personal or commercially sensitive data into it (policy 3.1). You can ask for it to be approved.",
                });
        }
        else
        {
            body.Add(new TextBlock
            {
                Text = found.Count == 1 ? "This message mentions one tool from the Trust's register:" : $"This message mentions {found.Count} tools from the Trust's register:",
                IsSubtle = true,
                Spacing = Spacing.Small,
            });
            foreach (var match in found)
            {
                var entry = match.Entry!;
                var a = ToolStatusWords.Assess(entry, today);
                var usable = ToolStatusWords.IsUsable(a);
                var items = new List<CardElement>
                {
                    new TextBlock { Text = CardText.Escape(entry.Name), Weight = TextWeight.Bolder },
                    new TextBlock { Text = CardText.Escape(ToolStatusWords.Short(a)), Color = ToolStatusWords.Colour(a), Spacing = Spacing.None },
                };
                if (match.Mention is { } mention && !string.Equals(mention, entry.Name, StringComparison.OrdinalIgnoreCase))
                    items.Add(new TextBlock { Text = $"Mentioned as \"{CardText.Escape(mention)}\"", IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
                items.Add(new ActionSet
                {
                    Actions =
                    [
                        new SubmitAction
                        {
                            Title = CardText.Plain(usable ? $"Request a new use of {entry.Name}" : $"Request approval for {entry.Name}"),
                            Data = new JsonObject
                            {
                                ["msgextAction"] = OpenRequestForm, ["toolId"] = entry.Id,
                                ["requestType"] = usable ? "newUse" : a.Verdict is UseVerdict.NotAssessed or UseVerdict.UnderReview ? "newTool" : "renewal",
                            },
                        },
                    ],
                });
                body.Add(new Container { Items = items, Separator = true, Spacing = Spacing.Medium });
            }
        }
        body.Add(new TextBlock { Text = "Approved tools may only be used within their conditions. Ask AI Policy Helper for the details.", IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });

        return new AdaptiveCard
        {
            Body = body,
            Actions = found.Count == 0
                ? [new SubmitAction { Title = "Request approval for a tool", Data = new JsonObject { ["msgextAction"] = OpenRequestForm } }]
                : null,
            FallbackText = Title,
        };
    }
}
