using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>One search command of the manifest (composeExtension/query with this commandId).</summary>
public interface ISearchCommand
{
    string CommandId { get; }

    Task<MessagingExtensionResponse> QueryAsync(TurnContext turn, ComposeExtensionQuery query, CancellationToken ct);
}

/// <summary>One action command of the manifest: opens its dialog (fetchTask) and handles what the dialog submits.</summary>
public interface IActionCommand
{
    string CommandId { get; }

    Task<InvokeResponse> FetchTaskAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct);

    Task<InvokeResponse> SubmitAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct);
}
