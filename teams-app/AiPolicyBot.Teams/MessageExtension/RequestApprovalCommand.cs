using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>"Request approval for an AI tool" from the compose box or command box: the request form in a dialog.</summary>
public sealed class RequestApprovalCommand(RequestForm form) : IActionCommand
{
    /// <summary>"Request approval for an AI tool" (compose, command box). The id of manifest/manifest.json (composeExtensions[0].commands).</summary>
    public const string Id = "requestApproval";

    public string CommandId => Id;

    public Task<InvokeResponse> FetchTaskAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct) =>
        Task.FromResult(form.Open(new Dictionary<string, string>(StringComparer.Ordinal)));

    public Task<InvokeResponse> SubmitAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct) =>
        form.HandleSubmitAsync(turn, action, ct);
}
