using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>Maps the protocol's card action to an <see cref="ApprovalInvoke"/> and the result to the invoke response.</summary>
public static class CardActionAdapter
{
    public static ApprovalInvoke ToApprovalInvoke(TurnContext turn, CardActionInvoke action) => new(
        action.Verb,
        action.Data.ValueKind == JsonValueKind.Object ? JsonNode.Parse(action.Data.GetRawText()) as JsonObject : null,
        turn.UserAadObjectId,
        turn.Activity.From?.Id,
        turn.Activity.From?.Name,
        action.IsAutomaticRefresh);

    public static AdaptiveCardInvokeResponse ToResponse(ApprovalInvokeResult result) =>
        result.Card is { } card
            ? AdaptiveCardInvokeResponse.Card(card.ToJsonObject())
            : AdaptiveCardInvokeResponse.Error(result.StatusCode, result.ErrorCode ?? "Error", result.ErrorMessage ?? "Something went wrong.");
}
