using System.Collections.Concurrent;
using AiPolicyBot.Common;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory idempotency claims: the first claim of (scope, key) wins until released.</summary>
public sealed class MemoryIdempotency : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claims = new();
    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken ct) => Task.FromResult(_claims.TryAdd(scope + "\n" + key, true));
    public Task ReleaseAsync(string scope, string key, CancellationToken ct) { _claims.TryRemove(scope + "\n" + key, out _); return Task.CompletedTask; }
}
