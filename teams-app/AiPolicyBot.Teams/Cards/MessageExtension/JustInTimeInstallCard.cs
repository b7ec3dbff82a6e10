using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// Shown instead of a dialog when the bot is not in this chat or team (BotNotInConversationRoster). Its Submit button
/// carries <c>msteams.justInTimeInstall: true</c>: Teams installs the app here, then sends composeExtension/submitAction
/// with that data, and the dialog the person asked for opens (msteams-docs "just-in-time install"; docs/message-extension.md).
/// </summary>
public static class JustInTimeInstallCard
{
    public const string Title = "Add AI Policy Helper";

    public static AdaptiveCard Build() => new()
    {
        Body =
        [
            new TextBlock { Text = Title + " to this chat", Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock { Text = "AI Policy Helper isn't in this chat or team yet. Press **Continue** to add it here, then carry on." },
        ],
        Actions =
        [
            new SubmitAction
            {
                Title = "Continue",
                Data = new JsonObject { ["msteams"] = new JsonObject { ["justInTimeInstall"] = true } },
            },
        ],
        FallbackText = "Add AI Policy Helper to this chat to continue.",
    };
}
