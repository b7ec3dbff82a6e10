using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Keeps the open-request copy (<see cref="RequestIndex"/>) in step with a change, as the change's follow-up rather
/// than inside the click that made it. Reads the request row afresh (its ETag orders the copies), so a late or
/// repeated event writes the current state, never an older one. A submission indexes itself before it is stored.
/// </summary>
public sealed class RequestIndexFollowUp(TableClients tables) : IRequestEventHandler
{
    private readonly RequestIndex _index = new(tables);

    public Task HandleAsync(RequestEvent requestEvent, ToolRequest request, CancellationToken ct) =>
        requestEvent.Kind == RequestEventKind.Submitted ? Task.CompletedTask : _index.RefreshAsync(requestEvent.Reference, ct);
}
