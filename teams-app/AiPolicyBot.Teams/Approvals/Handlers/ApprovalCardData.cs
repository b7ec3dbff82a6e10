using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>What every approval card action carries: the request's reference (a stable id, never state).</summary>
public static class ApprovalCardData
{
    /// <summary>JSON name of the reference in the action data, as AiPolicyJson writes <c>ApprovalActionData.Reference</c>.</summary>
    public const string ReferenceKey = "reference";

    public const string NoReference = "The card does not name a request (reference).";

    /// <summary>The well-formed reference the action names, or null.</summary>
    public static string? Reference(CardActionInvoke action) =>
        action.GetString(ReferenceKey) is { Length: > 0 } reference && RequestReference.TryParse(reference, out _, out _) ? reference : null;

    public static string NotFound(string reference) => $"Request {reference} was not found.";
}
