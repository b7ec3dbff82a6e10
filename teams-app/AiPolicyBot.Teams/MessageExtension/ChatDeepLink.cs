using AiPolicyBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// Teams deep links into a 1:1 chat with the bot with a message already typed: the one action an inserted card has
/// (Outlook only runs Action.OpenUrl in inserted cards, docs/teams-channel.md).
/// </summary>
public sealed class ChatDeepLink(IOptions<MessageExtensionOptions> options, IOptions<BotOptions> bot)
{
    public string AskAbout(string toolName) => WithMessage($"can I use {toolName}?");

    public string WithMessage(string message)
    {
        var o = options.Value;
        var botId = string.IsNullOrWhiteSpace(o.BotId) ? bot.Value.AppId : o.BotId;
        var users = string.IsNullOrWhiteSpace(botId) ? "" : "users=" + Uri.EscapeDataString("28:" + botId.Trim()) + "&";
        return $"{o.ChatLinkBase.TrimEnd('?', '/')}?{users}message={Uri.EscapeDataString(message)}";
    }
}
