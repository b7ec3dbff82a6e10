using System.Collections.Concurrent;
using AiPolicyBot.Conversations;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory conversation references, by conversation id; safe for concurrent turns (the benchmarks run many).</summary>
public sealed class MemoryReferences : IConversationReferenceStore
{
    public ConcurrentDictionary<string, ConversationReference> ByConversation { get; } = new(StringComparer.Ordinal);
    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken ct) =>
        Task.FromResult(ByConversation.GetValueOrDefault(conversationId));
    public Task<ConversationReference?> FindPersonalAsync(string aad, CancellationToken ct) =>
        Task.FromResult(ByConversation.Values.FirstOrDefault(r => r.IsPersonal && r.UserAadObjectId == aad));
    public Task SaveAsync(ConversationReference reference, CancellationToken ct) { ByConversation[reference.ConversationId] = reference; return Task.CompletedTask; }
    public Task DeleteAsync(string conversationId, CancellationToken ct) { ByConversation.TryRemove(conversationId, out _); return Task.CompletedTask; }
}
