using System.Collections.Concurrent;
using AiPolicyBot.Common;

namespace AiPolicyBot.Register;

/// <summary>
/// A register store in memory, with the same version semantics as the Table store (a stale version is a conflict).
/// For tests and for local runs until durable storage is configured.
/// </summary>
public sealed class InMemoryRegisterStore : IRegisterBatchStore
{
    private readonly Lock _batch = new();
    private readonly ConcurrentDictionary<string, Versioned<RegisterEntry>> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<RegisterEntry>>>(
            _items.Values.OrderBy(v => v.Value.Id, StringComparer.Ordinal).ToList());

    public Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct) =>
        Task.FromResult(_items.TryGetValue(id, out var v) ? v : null);

    public Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct)
    {
        using var _ = _batch.EnterScope();
        var v = new Versioned<RegisterEntry>(entry, NextVersion());
        if (!_items.TryAdd(entry.Id, v)) throw new ConcurrencyConflictException($"register entry {entry.Id} exists");
        return Task.FromResult(v);
    }

    public Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct)
    {
        using var _ = _batch.EnterScope();
        if (!_items.TryGetValue(entry.Id, out var current) || current.Version != version)
            throw new ConcurrencyConflictException($"register entry {entry.Id} changed");
        var next = new Versioned<RegisterEntry>(entry, NextVersion());
        if (!_items.TryUpdate(entry.Id, next, current)) throw new ConcurrencyConflictException($"register entry {entry.Id} changed");
        return Task.FromResult(next);
    }

    public Task<IReadOnlyList<Versioned<RegisterEntry>>> WriteAllAsync(IReadOnlyList<RegisterWrite> writes, CancellationToken ct)
    {
        lock (_batch)
        {
            // Check every write first, so a stale one leaves the store exactly as it was.
            foreach (var w in writes)
            {
                var exists = _items.TryGetValue(w.Entry.Id, out var current);
                if (w.Version is null ? exists : !exists || current!.Version != w.Version)
                    throw new ConcurrencyConflictException($"register entry {w.Entry.Id} changed");
            }
            var written = writes.Select(w => _items[w.Entry.Id] = new Versioned<RegisterEntry>(w.Entry, NextVersion())).ToList();
            return Task.FromResult<IReadOnlyList<Versioned<RegisterEntry>>>(written);
        }
    }

    private string NextVersion() => "W/\"" + Interlocked.Increment(ref _version) + "\"";
}
