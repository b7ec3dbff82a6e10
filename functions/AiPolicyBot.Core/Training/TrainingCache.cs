using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AiPolicyBot.Training;

/// <summary>
/// Per-user training records in memory, so "can I use X?" does no storage round trip after a person's first
/// question. Loaded once per user; <see cref="RecordAsync"/> writes through to the store and updates the entry.
/// Bounded: when it holds <c>maxUsers</c> people it starts again (a reload costs one query per person).
/// </summary>
public sealed class TrainingCache(ITrainingStore store, int maxUsers = 20_000)
{
    private readonly ConcurrentDictionary<string, Task<ImmutableHashSet<string>>> _byUser = new(StringComparer.Ordinal);

    /// <summary>The register entry ids this user completed training for.</summary>
    public async ValueTask<IReadOnlySet<string>> CompletedAsync(string userId, CancellationToken ct)
    {
        if (_byUser.TryGetValue(userId, out var cached) && cached.IsCompletedSuccessfully) return cached.Result;
        if (_byUser.Count >= maxUsers) _byUser.Clear();
        var load = _byUser.GetOrAdd(userId, id => LoadAsync(id));
        try
        {
            return await load.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Never keep a failed load: the next question tries storage again.
            _byUser.TryRemove(new KeyValuePair<string, Task<ImmutableHashSet<string>>>(userId, load));
            throw;
        }
    }

    public async ValueTask<bool> HasCompletedAsync(string userId, string entryId, CancellationToken ct) =>
        (await CompletedAsync(userId, ct)).Contains(entryId);

    /// <summary>Records an attestation durably, then makes it visible to this instance at once.</summary>
    public async Task<TrainingRecord> RecordAsync(TrainingRecord record, CancellationToken ct)
    {
        var stored = await store.RecordAsync(record, ct);
        _ = _byUser.AddOrUpdate(record.UserId,
            _ => Task.FromResult(ImmutableHashSet.Create(StringComparer.Ordinal, record.EntryId)),
            (_, old) => old.IsCompletedSuccessfully ? Task.FromResult(old.Result.Add(record.EntryId)) : LoadAsync(record.UserId));
        return stored;
    }

    /// <summary>Forgets a user (e.g. records changed elsewhere); the next question reloads.</summary>
    public void Invalidate(string userId) => _byUser.TryRemove(userId, out _);

    private async Task<ImmutableHashSet<string>> LoadAsync(string userId)
    {
        // Not bound to one caller's cancellation: the load is shared by concurrent questions of the same person.
        var records = await store.ListForUserAsync(userId, CancellationToken.None);
        return records.Select(r => r.EntryId).ToImmutableHashSet(StringComparer.Ordinal);
    }
}
