using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AiPolicyBot.Training;

/// <summary>
/// Per-user training records in memory, so "can I use X?" does no storage round trip after a person's first
/// question. Loaded once per user; <see cref="RecordAsync"/> writes through to the store and updates the entry.
/// Only CURRENT attestations count as completed (<see cref="TrainingValidity"/>: 12 months by default, and none from
/// an earlier policy version); without <c>terms</c> every record counts. Bounded: when it holds <c>maxUsers</c>
/// people it starts again (a reload costs one query per person).
/// </summary>
public sealed class TrainingCache(ITrainingStore store, Func<TrainingTerms>? terms = null, TimeProvider? time = null, int maxUsers = 20_000)
{
    private readonly ConcurrentDictionary<string, Task<ImmutableDictionary<string, TrainingRecord>>> _byUser = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The register entry ids this user holds a current attestation for.</summary>
    public async ValueTask<IReadOnlySet<string>> CompletedAsync(string userId, CancellationToken ct)
    {
        var records = await RecordsAsync(userId, ct);
        if (terms is null) return records.Keys.ToHashSet(StringComparer.Ordinal);
        var (current, now) = (terms(), _time.GetUtcNow());
        return records.Values.Where(r => TrainingValidity.StateOf(r, current, now) == TrainingState.Current)
            .Select(r => r.EntryId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>This user's attestation for <paramref name="entryId"/> and its state now.</summary>
    public async ValueTask<(TrainingState State, TrainingRecord? Record)> StateAsync(string userId, string entryId, CancellationToken ct)
    {
        var record = (await RecordsAsync(userId, ct)).GetValueOrDefault(entryId);
        if (terms is null) return (record is null ? TrainingState.Missing : TrainingState.Current, record);
        return (TrainingValidity.StateOf(record, terms(), _time.GetUtcNow()), record);
    }

    public async ValueTask<bool> HasCompletedAsync(string userId, string entryId, CancellationToken ct) =>
        (await StateAsync(userId, entryId, ct)).State == TrainingState.Current;

    /// <summary>Records an attestation durably, then makes it visible to this instance at once.</summary>
    public async Task<TrainingRecord> RecordAsync(TrainingRecord record, CancellationToken ct)
    {
        var stored = await store.RecordAsync(record, ct);
        _ = _byUser.AddOrUpdate(record.UserId,
            _ => Task.FromResult(ImmutableDictionary.Create<string, TrainingRecord>(StringComparer.Ordinal).SetItem(stored.EntryId, stored)),
            (_, old) => old.IsCompletedSuccessfully ? Task.FromResult(old.Result.SetItem(stored.EntryId, stored)) : LoadAsync(record.UserId));
        return stored;
    }

    /// <summary>Forgets a user (e.g. records changed elsewhere); the next question reloads.</summary>
    public void Invalidate(string userId) => _byUser.TryRemove(userId, out _);

    private async ValueTask<ImmutableDictionary<string, TrainingRecord>> RecordsAsync(string userId, CancellationToken ct)
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
            _byUser.TryRemove(new KeyValuePair<string, Task<ImmutableDictionary<string, TrainingRecord>>>(userId, load));
            throw;
        }
    }

    private async Task<ImmutableDictionary<string, TrainingRecord>> LoadAsync(string userId)
    {
        // Not bound to one caller's cancellation: the load is shared by concurrent questions of the same person.
        var records = await store.ListForUserAsync(userId, CancellationToken.None);
        return records.ToImmutableDictionary(r => r.EntryId, StringComparer.Ordinal);
    }
}
