using System.Collections.Concurrent;
using AiPolicyBot.Common;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>Requests for the mail tests (the Table request store is the storage part's and tested there).</summary>
public sealed class InMemoryRequestStore : IRequestStore
{
    private readonly ConcurrentDictionary<string, Versioned<ToolRequest>> _items = new();

    public void Put(ToolRequest request) => _items[request.Reference] = new(request, Guid.NewGuid().ToString("N"));

    public Task<Versioned<ToolRequest>?> GetAsync(string reference, CancellationToken ct) =>
        Task.FromResult(_items.TryGetValue(reference, out var v) ? v : null);

    public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, CancellationToken ct)
    {
        var v = new Versioned<ToolRequest>(request, Guid.NewGuid().ToString("N"));
        if (!_items.TryAdd(request.Reference, v)) throw new ConcurrencyConflictException(request.Reference);
        return Task.FromResult(v);
    }

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<string> NextReferenceAsync(int year, CancellationToken ct) => throw new NotSupportedException();
}
