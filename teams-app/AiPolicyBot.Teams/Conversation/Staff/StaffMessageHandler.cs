using System.Text.Json;
using AiPolicyBot.Contacts;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Protocol.Dispatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// Every free-text message (and the "help" command): understand it, then hand it to the responder for its intent.
/// An Action.Submit from an older client arrives as a message with a value; its "text" field is understood the same way.
/// </summary>
public sealed class StaffMessageHandler(StaffConversation conversation, IEnumerable<IIntentResponder> responders, ILogger<StaffMessageHandler> logger,
    IOptions<TrustContacts>? contacts = null)
    : IMessageHandler, ICommandHandler
{
    private readonly IReadOnlyDictionary<Intent, IIntentResponder> _byIntent =
        HandlerRegistry.Unique(responders, r => r.Intent, "intent");

    /// <summary>The intents with a responder (for the start-up listing).</summary>
    public IEnumerable<Intent> Intents => _byIntent.Keys;

    public string Command => "help";

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text) && turn.Activity.Value is { ValueKind: JsonValueKind.Object } v
            && v.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
        {
            text = t.GetString() ?? "";
        }
        var understanding = await conversation.UnderstandAsync(text, ct);
        // Intent and tool only: never the message text, which may hold personal data.
        // Debug, not Information: one line per message on the hot path blocked turns on the console logger under load
        // (docs/benchmarks.md).
        logger.LogDebug("Understood {Intent} ({Tool})", understanding.Intent, understanding.Tool?.Id ?? (understanding.UnknownToolName is null ? "none" : "unknown"));
        if (understanding.Intent is Intent.AskTool or Intent.ListApproved or Intent.Clarify
            && (await conversation.Register.GetAsync(ct)).Entries.Count == 0)
        {
            // A new deployment before the Trust has loaded its register: say so plainly rather than guess.
            await turn.SendTextAsync(RegisterNotSetUp.Text(contacts?.Value), ct);
            return;
        }
        var responder = _byIntent.GetValueOrDefault(understanding.Intent) ?? _byIntent[Intent.Other];
        await responder.RespondAsync(turn, understanding, ct);
    }
}
