using System.Collections.Concurrent;
using AiPolicyBot.Training;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>Training records in a list (the turn reads them once per user through TrainingCache).</summary>
public sealed class InMemoryTrainingStore : ITrainingStore
{
    private readonly ConcurrentBag<TrainingRecord> _records = [];
    public int Lists;

    public Task<TrainingRecord> RecordAsync(TrainingRecord record, CancellationToken ct)
    {
        _records.Add(record);
        return Task.FromResult(record);
    }

    public Task<TrainingRecord?> GetAsync(string userId, string entryId, CancellationToken ct) =>
        Task.FromResult(_records.Where(r => r.UserId == userId && r.EntryId == entryId).MaxBy(r => r.CompletedAt));

    public Task<bool> HasCompletedAsync(string userId, string entryId, CancellationToken ct) =>
        Task.FromResult(_records.Any(r => r.UserId == userId && r.EntryId == entryId));

    public Task<IReadOnlyList<TrainingRecord>> ListForUserAsync(string userId, CancellationToken ct)
    {
        Interlocked.Increment(ref Lists);
        return Task.FromResult<IReadOnlyList<TrainingRecord>>(_records.Where(r => r.UserId == userId).ToList());
    }

    public IAsyncEnumerable<TrainingRecord> ListAllAsync(CancellationToken ct) => _records.ToAsyncEnumerable();
}
