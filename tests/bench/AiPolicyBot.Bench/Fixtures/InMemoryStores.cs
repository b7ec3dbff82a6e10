using System.Collections.Concurrent;
using AiPolicyBot.Conversations;
using AiPolicyBot.Training;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>Conversation references in a dictionary: the benchmark measures the turn, not Azurite.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _items = new(StringComparer.Ordinal);
    public int Saves;

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken ct) =>
        Task.FromResult(_items.GetValueOrDefault(conversationId));

    public Task<ConversationReference?> FindPersonalAsync(string userAadObjectId, CancellationToken ct) =>
        Task.FromResult(_items.Values.FirstOrDefault(r => r.ConversationType == "personal" && r.UserAadObjectId == userAadObjectId));

    public Task SaveAsync(ConversationReference reference, CancellationToken ct)
    {
        Interlocked.Increment(ref Saves);
        _items[reference.ConversationId] = reference;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string conversationId, CancellationToken ct)
    {
        _items.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}

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
