using AiPolicyBot.Common;
using AiPolicyBot.Teams.Cards.MessageExtension;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Protocol.Dispatch;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>What the three composeExtension invoke handlers share: the channel rule, command look-up, the install card.</summary>
internal static class MessageExtensionInvoke
{
    /// <summary>Teams, or Outlook through the Microsoft 365 channel (§4.4); the Outlook value seen is logged (§7 q1).</summary>
    public static void CheckChannel(TurnContext turn, ILogger logger)
    {
        var channel = turn.Activity.ChannelId;
        if (!MessageExtensionChannels.Ids.Contains(channel ?? "", StringComparer.Ordinal))
            throw new ValidationFailedException([new FieldError("channelId", "is not a channel the message extension serves")]);
        if (channel != "msteams") logger.LogInformation("Message extension {Invoke} from channel {ChannelId}", turn.Activity.Name, channel);
    }

    public static T Find<T>(IReadOnlyDictionary<string, T> commands, string commandId) =>
        commands.TryGetValue(commandId, out var command)
            ? command
            : throw new ValidationFailedException([new FieldError("value.commandId", $"'{Shorten(commandId)}' is not a command of this app")]);

    public static InvokeResponse InstallCard() =>
        InvokeResponseFactory.DialogCard(JustInTimeInstallCard.Title, JustInTimeInstallCard.Build().ToJsonObject(), "small", "medium");

    public static bool IsNotInConversation(Exception e) => e is ConnectorException c && BotPresence.IsNotInRoster(c);

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>composeExtension/query: runs the search command named by value.commandId.</summary>
public sealed class QueryInvokeHandler(IEnumerable<ISearchCommand> commands, ILogger<QueryInvokeHandler> logger) : IInvokeHandler
{
    private readonly IReadOnlyDictionary<string, ISearchCommand> _commands = HandlerRegistry.Unique(commands, c => c.CommandId, "message-extension command", StringComparer.Ordinal);

    public const string InvokeName = "composeExtension/query";

    public string Name => InvokeName;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken ct)
    {
        MessageExtensionInvoke.CheckChannel(turn, logger);
        var query = ComposeExtensionQuery.Parse(turn.Activity.Value, SearchToolsCommand.ParameterName);
        var command = MessageExtensionInvoke.Find(_commands, query.CommandId);
        return InvokeResponseFactory.Ok(await command.QueryAsync(turn, query, ct));
    }
}

/// <summary>
/// composeExtension/fetchTask: opens the dialog of the action command named by value.commandId, or, in a chat or
/// team without the bot, the just-in-time install card.
/// </summary>
public sealed class FetchTaskInvokeHandler(IEnumerable<IActionCommand> commands, BotPresence presence, ILogger<FetchTaskInvokeHandler> logger) : IInvokeHandler
{
    private readonly IReadOnlyDictionary<string, IActionCommand> _commands = HandlerRegistry.Unique(commands, c => c.CommandId, "message-extension command", StringComparer.Ordinal);

    public const string InvokeName = "composeExtension/fetchTask";

    public string Name => InvokeName;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken ct)
    {
        MessageExtensionInvoke.CheckChannel(turn, logger);
        var action = ComposeExtensionAction.Parse(turn.Activity.Value);
        var command = MessageExtensionInvoke.Find(_commands, action.CommandId);
        try
        {
            if (!await presence.IsInConversationAsync(turn, ct)) return MessageExtensionInvoke.InstallCard();
            return await command.FetchTaskAsync(turn, action, ct);
        }
        catch (Exception e) when (MessageExtensionInvoke.IsNotInConversation(e))
        {
            return MessageExtensionInvoke.InstallCard();
        }
    }
}

/// <summary>
/// composeExtension/submitAction: what an action command's dialog submitted. After the just-in-time install
/// (data.msteams.justInTimeInstall) it opens the dialog the person asked for in the first place.
/// </summary>
public sealed class SubmitActionInvokeHandler(IEnumerable<IActionCommand> commands, BotPresence presence, ILogger<SubmitActionInvokeHandler> logger) : IInvokeHandler
{
    private readonly IReadOnlyDictionary<string, IActionCommand> _commands = HandlerRegistry.Unique(commands, c => c.CommandId, "message-extension command", StringComparer.Ordinal);

    public const string InstalledText = "AI Policy Helper is now in this chat. Please choose the command again.";

    public const string InvokeName = "composeExtension/submitAction";

    public string Name => InvokeName;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken ct)
    {
        MessageExtensionInvoke.CheckChannel(turn, logger);
        var action = ComposeExtensionAction.Parse(turn.Activity.Value);
        var command = MessageExtensionInvoke.Find(_commands, action.CommandId);
        try
        {
            if (action.IsJustInTimeInstall)
            {
                presence.Remember(turn.Activity.Conversation?.Id);
                try
                {
                    return await command.FetchTaskAsync(turn, action, ct);
                }
                catch (ValidationFailedException)
                {
                    // e.g. a message action whose install submit no longer carries the message.
                    return InvokeResponseFactory.DialogMessage(InstalledText);
                }
            }
            return await command.SubmitAsync(turn, action, ct);
        }
        catch (Exception e) when (MessageExtensionInvoke.IsNotInConversation(e))
        {
            return MessageExtensionInvoke.InstallCard();
        }
    }
}
