using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// The body answering <c>adaptiveCard/action</c> (Universal Actions, teams-protocol.md §3.6): always sent with HTTP 200;
/// clients read <see cref="StatusCode"/> from the body.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(
    [property: JsonPropertyOrder(0)] int StatusCode,
    [property: JsonPropertyOrder(1)] string Type,
    [property: JsonPropertyOrder(2)] object Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replace the card for the invoking user.</summary>
    public static AdaptiveCardInvokeResponse Card(object card) => new(200, CardType, card);

    /// <summary>Show a short message; the card stays as it is.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text);

    /// <summary>An error the bot handled: 400 for bad input, 500 for unexpected failures.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new InvokeError(code, message));

    /// <summary>Wrapped for the HTTP layer: HTTP 200 as the UAM spec asks, whatever the body's statusCode.</summary>
    public InvokeResponse ToInvokeResponse() => InvokeResponse.Ok(this);
}

/// <summary>The Error object: { code, message }.</summary>
public sealed record InvokeError(string Code, string Message);
