using AiPolicyBot.Common;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// The one place invoke answers are made (docs/teams-channel.md): the <see cref="AdaptiveCardInvokeResponse"/> bodies of
/// card actions (a card, a message, an error, always sent with HTTP 200), the dialog and search answers of the message
/// extension, and the HTTP-level answers (no handler, bad input, out of time) for every invoke name.
/// </summary>
public static class InvokeResponseFactory
{
    public const string TimeoutText = "Sorry, that took too long. Please try again.";

    /// <summary>Replace the card for the invoking user (<paramref name="card"/>: an AdaptiveCard or its JSON).</summary>
    public static AdaptiveCardInvokeResponse Card(object card) => new(200, AdaptiveCardInvokeResponse.CardType, card);

    /// <summary>Show a short message; the card stays as it is.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, AdaptiveCardInvokeResponse.MessageType, text);

    /// <summary>An error the bot handled: 400 for bad input, 403/404 for what the clicker may not see, 500 otherwise.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, AdaptiveCardInvokeResponse.ErrorType, new InvokeError(code, message));

    public static AdaptiveCardInvokeResponse BadRequest(string message) => Error(400, "BadRequest", message);

    public static AdaptiveCardInvokeResponse NotFound(string message) => Error(404, "NotFound", message);

    public static AdaptiveCardInvokeResponse Forbidden(string message) => Error(403, "Forbidden", message);

    /// <summary>Fields that failed validation, named in one message.</summary>
    public static AdaptiveCardInvokeResponse Invalid(IEnumerable<FieldError> errors) =>
        BadRequest(string.Join("; ", errors.Select(f => $"{f.Field}: {f.Message}")));

    public static AdaptiveCardInvokeResponse InternalError() => Error(500, "InternalError", "Sorry, something went wrong. Please try again.");

    /// <summary>A card action answer on the wire: HTTP 200 as Universal Actions ask, whatever the body's statusCode.</summary>
    public static InvokeResponse ForCardAction(AdaptiveCardInvokeResponse response) => Ok(response);

    /// <summary>An adaptiveCard/action whose value is not an Action.Execute with a verb: HTTP 400 with an error body.</summary>
    public static InvokeResponse MalformedCardAction() =>
        new(400, BadRequest("value.action must be an Action.Execute with a verb"));

    /// <summary>200 with no body: success without content, e.g. a dialog that simply closes.</summary>
    public static InvokeResponse Ok() => new(200);

    public static InvokeResponse Ok(object body) => new(200, body);

    /// <summary>501: no handler for that invoke name (as the Bot Framework adapters answer).</summary>
    public static InvokeResponse NotImplemented() => new(501);

    /// <summary>400 listing the fields that failed validation.</summary>
    public static InvokeResponse ValidationFailed(IReadOnlyList<FieldError> errors) => new(400, new { errors });

    /// <summary>A dialog (task module) that shows <paramref name="text"/>.</summary>
    public static InvokeResponse DialogMessage(string text) => Ok(TaskModuleResponse.Message(text));

    /// <summary>A dialog (task module) that shows <paramref name="card"/>.</summary>
    public static InvokeResponse DialogCard(string title, object card, object? height = null, object? width = null) =>
        Ok(TaskModuleResponse.Continue(TaskInfo.ForCard(title, card, height, width)));

    /// <summary>A message-extension search answer that shows <paramref name="text"/> instead of results.</summary>
    public static InvokeResponse SearchMessage(string text) => Ok(MessagingExtensionResponse.Message(text));

    /// <summary>
    /// What Teams gets when a handler ran out of time, in the shape the invoke expects: a message in the search list,
    /// in the dialog, or on the card; 504 for anything else; nothing for a non-invoke.
    /// </summary>
    public static InvokeResponse? Timeout(Activity activity) => activity.Type != ActivityTypes.Invoke
        ? null
        : activity.Name switch
        {
            "composeExtension/query" or "composeExtension/queryLink" or "composeExtension/anonymousQueryLink" or "composeExtension/selectItem"
                => SearchMessage(TimeoutText),
            "composeExtension/submitAction" or "composeExtension/fetchTask" or "task/fetch" or "task/submit"
                => DialogMessage(TimeoutText),
            CardActionInvokeName => ForCardAction(Error(500, "Timeout", TimeoutText)),
            _ => new InvokeResponse(504),
        };

    /// <summary>The invoke name of Universal Actions (Action.Execute).</summary>
    public const string CardActionInvokeName = "adaptiveCard/action";
}
