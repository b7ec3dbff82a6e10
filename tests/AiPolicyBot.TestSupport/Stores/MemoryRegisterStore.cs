using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory register with version checks (a counter stands in for the ETag).</summary>
public sealed class MemoryRegisterStore : IRegisterStore
{
    public Dictionary<string, Versioned<RegisterEntry>> Entries { get; } = [];
    private int _v;
    public Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Versioned<RegisterEntry>>>([.. Entries.Values]);
    public Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct) => Task.FromResult(Entries.TryGetValue(id, out var e) ? e : null);
    public Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct)
    {
        if (Entries.ContainsKey(entry.Id)) throw new ConcurrencyConflictException("exists");
        return Task.FromResult(Entries[entry.Id] = new(entry, (++_v).ToString()));
    }
    public Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct)
    {
        if (!Entries.TryGetValue(entry.Id, out var e) || e.Version != version) throw new ConcurrencyConflictException("stale");
        return Task.FromResult(Entries[entry.Id] = new(entry, (++_v).ToString()));
    }
}
