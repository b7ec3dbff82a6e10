using System.Collections.Concurrent;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// Is the bot in the chat or team an action command was started from? Teams answers a roster call with 403
/// BotNotInConversationRoster when it is not; then the person gets the just-in-time install card instead of an error
/// (docs/message-extension.md). Only group chats and channels are checked (a personal chat with the bot always
/// has it; Outlook has no roster); a conversation found once is remembered, so the roster call happens once per
/// conversation and process. Any other failure of the check lets the person carry on.
/// </summary>
public sealed class BotPresence(IConnectorClient connector, IOptions<MessageExtensionOptions> options, ILogger<BotPresence> logger)
{
    public const string NotInRosterCode = "BotNotInConversationRoster";
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, byte> _present = new(StringComparer.Ordinal);

    public async Task<bool> IsInConversationAsync(TurnContext turn, CancellationToken ct)
    {
        var a = turn.Activity;
        if (!options.Value.RequireBotInConversation || MessageExtensionChannels.IsOutlook(a.ChannelId)) return true;
        if (a.Conversation?.ConversationType is not ("groupChat" or "channel")) return true;
        if (a.Conversation.Id is not { Length: > 0 } conversationId || a.From?.Id is not { Length: > 0 } userId || a.ServiceUrl is null) return true;
        if (_present.ContainsKey(conversationId)) return true;
        try
        {
            await connector.GetMemberAsync(a.ServiceUrl, conversationId, userId, ct);
            Remember(conversationId);
            return true;
        }
        catch (ConnectorException e) when (IsNotInRoster(e))
        {
            return false;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or ServiceUrlNotAllowedException)
        {
            logger.LogWarning("Could not check whether the bot is in the conversation ({Error}); carrying on", e.GetType().Name);
            return true;
        }
    }

    /// <summary>The bot was just installed here (the install card's submit came back).</summary>
    public void Remember(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId)) return;
        if (_present.Count >= MaxRemembered) _present.Clear();
        _present.TryAdd(conversationId, 0);
    }

    public static bool IsNotInRoster(ConnectorException e) =>
        e.ErrorCode == NotInRosterCode || e.Body?.Contains(NotInRosterCode, StringComparison.Ordinal) == true;
}
