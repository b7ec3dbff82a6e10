using System.Collections.Concurrent;
using AiPolicyBot.Common;

namespace AiPolicyBot.Register;

/// <summary>
/// A register store in memory, with the same version semantics as the Table store (a stale version is a conflict).
/// For tests and for local runs until durable storage is configured.
/// </summary>
public sealed class InMemoryRegisterStore : IRegisterStore
{
    private readonly ConcurrentDictionary<string, Versioned<RegisterEntry>> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<RegisterEntry>>>(
            _items.Values.OrderBy(v => v.Value.Id, StringComparer.Ordinal).ToList());

    public Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct) =>
        Task.FromResult(_items.TryGetValue(id, out var v) ? v : null);

    public Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct)
    {
        var v = new Versioned<RegisterEntry>(entry, NextVersion());
        if (!_items.TryAdd(entry.Id, v)) throw new ConcurrencyConflictException($"register entry {entry.Id} exists");
        return Task.FromResult(v);
    }

    public Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct)
    {
        if (!_items.TryGetValue(entry.Id, out var current) || current.Version != version)
            throw new ConcurrencyConflictException($"register entry {entry.Id} changed");
        var next = new Versioned<RegisterEntry>(entry, NextVersion());
        if (!_items.TryUpdate(entry.Id, next, current)) throw new ConcurrencyConflictException($"register entry {entry.Id} changed");
        return Task.FromResult(next);
    }

    private string NextVersion() => "W/\"" + Interlocked.Increment(ref _version) + "\"";
}
