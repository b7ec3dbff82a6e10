using System.Collections.Concurrent;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory request store with real version checks (a counter stands in for the ETag).</summary>
public sealed class MemoryRequestStore : IRequestStore
{
    private readonly ConcurrentDictionary<string, Versioned<ToolRequest>> _items = new();
    private long _version;

    public ToolRequest this[string reference] => _items[reference].Value;

    public Task<Versioned<ToolRequest>?> GetAsync(string reference, CancellationToken ct) =>
        Task.FromResult(_items.TryGetValue(reference, out var v) ? v : null);

    public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, CancellationToken ct)
    {
        var v = new Versioned<ToolRequest>(request, Interlocked.Increment(ref _version).ToString());
        if (!_items.TryAdd(request.Reference, v)) throw new ConcurrencyConflictException("exists");
        return Task.FromResult(v);
    }

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct)
    {
        var current = _items[request.Reference];
        var next = new Versioned<ToolRequest>(request, Interlocked.Increment(ref _version).ToString());
        if (current.Version != version || !_items.TryUpdate(request.Reference, next, current)) throw new ConcurrencyConflictException("stale");
        return Task.FromResult(next);
    }

    // In memory a change cannot be half written: the event is handed on by the publisher, as in the workflow.
    public async Task<CommittedChange> CreateAsync(ToolRequest request, RequestEvent followUp, CancellationToken ct) =>
        new(await CreateAsync(request, ct), new Versioned<RequestEvent>(followUp, "memory"));

    public async Task<CommittedChange> UpdateAsync(ToolRequest request, string version, RequestEvent followUp, CancellationToken ct) =>
        new(await UpdateAsync(request, version, ct), new Versioned<RequestEvent>(followUp, "memory"));

    public Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<ToolRequest>>>([.. _items.Values.Where(v => v.Value.RequesterId == requesterId)]);

    public Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<ToolRequest>>>([.. _items.Values.Where(v => v.Value.State.IsOpen()).OrderBy(v => v.Value.SubmittedAt)]);

    public async Task<IReadOnlyList<OpenRequest>> ListOpenSummariesAsync(CancellationToken ct) =>
        [.. (await ListOpenAsync(ct)).Select(v => OpenRequest.Of(v.Value))];

    public Task<string> NextReferenceAsync(int year, CancellationToken ct) => throw new NotSupportedException();
}
