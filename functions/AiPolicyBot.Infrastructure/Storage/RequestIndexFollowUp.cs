using AiPolicyBot.Common;
using AiPolicyBot.Requests;
using Azure;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Keeps the open-request copy (<see cref="RequestIndex"/>) in step with a change, as the change's follow-up rather
/// than inside the click that made it. Writes the request as the event's consumer read it for every handler, with
/// that read's ETag ordering the copies, so a late or repeated event writes the current state, never an older one.
/// A submission indexes itself before it is stored.
/// </summary>
public sealed class RequestIndexFollowUp(TableClients tables) : IRequestEventHandler
{
    private readonly RequestIndex _index = new(tables);

    public Task HandleAsync(RequestEvent requestEvent, Versioned<ToolRequest> stored, CancellationToken ct) =>
        requestEvent.Kind == RequestEventKind.Submitted
            ? Task.CompletedTask
            : _index.ChangedAsync(TableRequestStore.ToEntity(stored.Value), stored.Value, new ETag(stored.Version), ct);
}
