using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// The body answering <c>adaptiveCard/action</c> (Universal Actions, docs/teams-channel.md): always sent with HTTP 200;
/// clients read <see cref="StatusCode"/> from the body. Made by <see cref="InvokeResponseFactory"/>.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(
    [property: JsonPropertyOrder(0)] int StatusCode,
    [property: JsonPropertyOrder(1)] string Type,
    [property: JsonPropertyOrder(2)] object Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
}

/// <summary>The Error object: { code, message }.</summary>
public sealed record InvokeError(string Code, string Message);
