using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>
/// An adaptiveCard/action invoke on an approval card, reduced to what the handlers need: the verb, the merged
/// action data (the reference plus input values), who clicked (from.aadObjectId, from.id, from.name) and whether it
/// was an automatic refresh (a missing trigger counts as manual, as the Playground omits it).
/// </summary>
public sealed record ApprovalInvoke(string Verb, JsonObject? Data, string? UserId, string? UserMri, string? UserName, bool Automatic)
{
    public string? Reference => Text(ApprovalDataKeys.Reference);

    public string? Text(string key) => Data?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A multi-select ChoiceSet sends "A,B,C".</summary>
    public IReadOnlyList<string> List(string key) =>
        Text(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

public static class ApprovalDataKeys
{
    /// <summary>JSON name of <see cref="ApprovalActionData.Reference"/> as AiPolicyJson writes it.</summary>
    public const string Reference = "reference";
}

/// <summary>The invoke response: a card for this user, or an error (teams-protocol.md §3.6).</summary>
public sealed record ApprovalInvokeResult(AdaptiveCard? Card, int StatusCode = 200, string? ErrorCode = null, string? ErrorMessage = null)
{
    public static ApprovalInvokeResult Error(int status, string code, string message) => new(null, status, code, message);
}

/// <summary>One handler per approval card verb.</summary>
public interface IApprovalVerbHandler
{
    string Verb { get; }

    Task<ApprovalInvokeResult> HandleAsync(ApprovalInvoke invoke, CancellationToken ct);
}
