using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>
/// The default handler for <c>message</c> activities that no <see cref="ICommandHandler"/> claims (free text, and
/// Action.Submit clicks, which arrive as a message with <c>Value</c>). Exactly one is used: the last registered.
/// </summary>
public interface IMessageHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>One text command, matched on the first word of the message (mention removed, case-insensitive).</summary>
public interface ICommandHandler
{
    string Command { get; }

    Task HandleAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>One invoke name (e.g. composeExtension/query). The returned status and body go back to Teams as is.</summary>
public interface IInvokeHandler
{
    string Name { get; }

    Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>
/// One Universal Action verb (<c>adaptiveCard/action</c> with <c>action.verb</c>). Card data is client-supplied:
/// load state from storage by id and check who is clicking (<c>turn.UserAadObjectId</c>).
/// </summary>
public interface ICardActionHandler
{
    string Verb { get; }

    Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct);
}

/// <summary>The bot was installed in (or added to) a conversation for the first time: greet, set up.</summary>
public interface IInstallHandler
{
    Task OnInstalledAsync(TurnContext turn, CancellationToken ct);
}
