using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Dispatch;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>
/// Routes <c>adaptiveCard/action</c> (Action.Execute) to the <see cref="ICardActionHandler"/> for its verb
/// (docs/teams-channel.md). Structurally invalid requests get HTTP 400 with an error body; everything the bot
/// handles, errors included, gets HTTP 200 with <c>{statusCode, type, value}</c>.
/// </summary>
public sealed class CardActionInvokeHandler(IEnumerable<ICardActionHandler> handlers, ILogger<CardActionInvokeHandler> logger) : IInvokeHandler
{
    public const string InvokeName = InvokeResponseFactory.CardActionInvokeName;

    private readonly IReadOnlyDictionary<string, ICardActionHandler> _byVerb =
        HandlerRegistry.Unique(handlers, h => h.Verb, "card verb", StringComparer.Ordinal);

    /// <summary>The card verbs handled (for the start-up listing).</summary>
    public IEnumerable<string> Verbs => _byVerb.Keys;

    public string Name => InvokeName;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (Parse(turn.Activity.Value) is not { } action)
        {
            return InvokeResponseFactory.MalformedCardAction();
        }

        if (!_byVerb.TryGetValue(action.Verb, out var handler))
        {
            logger.LogWarning("No handler for card verb {Verb}", action.Verb);
            return InvokeResponseFactory.ForCardAction(InvokeResponseFactory.Error(400, "NotImplemented", "This action is not available."));
        }

        try
        {
            return InvokeResponseFactory.ForCardAction(await handler.HandleAsync(turn, action, ct));
        }
        catch (ValidationFailedException e)
        {
            return InvokeResponseFactory.ForCardAction(InvokeResponseFactory.Invalid(e.Errors));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Card verb {Verb} failed", action.Verb);
            return InvokeResponseFactory.ForCardAction(InvokeResponseFactory.InternalError());
        }
    }

    private static CardActionInvoke? Parse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute"
            || !action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(verb.GetString()))
        {
            return null;
        }

        // The Playground omits trigger: a missing trigger is a click.
        var trigger = v.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "manual";
        var id = action.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var data = action.TryGetProperty("data", out var d) ? d.Clone() : default;
        return new CardActionInvoke(verb.GetString()!, id, data, trigger);
    }
}
