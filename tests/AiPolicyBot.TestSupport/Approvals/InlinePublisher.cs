using AiPolicyBot.Requests;

namespace AiPolicyBot.Testing.Approvals;

/// <summary>Runs the handlers at once, as the request-events queue job does later.</summary>
public sealed class InlinePublisher(IRequestStore requests) : IRequestEventPublisher
{
    public List<IRequestEventHandler> Handlers { get; } = [];
    public List<RequestEvent> Published { get; } = [];

    public async Task PublishAsync(RequestEvent e, string? outboxVersion, CancellationToken ct)
    {
        lock (Published) Published.Add(e);
        var request = (await requests.GetAsync(e.Reference, ct))!;
        foreach (var h in Handlers) await h.HandleAsync(e, request, ct);
    }
}
