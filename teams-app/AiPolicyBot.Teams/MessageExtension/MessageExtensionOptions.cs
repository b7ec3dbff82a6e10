namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>Configuration section <c>MessageExtension</c>.</summary>
public sealed class MessageExtensionOptions
{
    public const string Section = "MessageExtension";

    /// <summary>
    /// Base of the deep link on inserted tool cards, which opens a chat with the bot with the question typed
    /// (<c>{base}?users=28:{botId}&amp;message=…</c>). Another base (e.g. a government cloud's Teams) may be set.
    /// </summary>
    public string ChatLinkBase { get; set; } = "https://teams.microsoft.com/l/chat/0/0";

    /// <summary>The bot's app id for the deep link; empty = <c>Bot:AppId</c>.</summary>
    public string? BotId { get; set; }

    /// <summary>Most results per search page, whatever queryOptions.count asks for.</summary>
    public int MaxResults { get; set; } = 25;

    /// <summary>
    /// Action commands in group chats and channels first check that the bot is in the conversation (a roster call)
    /// and, when it is not, offer Teams' just-in-time install instead of the dialog (docs/message-extension.md).
    /// </summary>
    public bool RequireBotInConversation { get; set; } = true;
}
