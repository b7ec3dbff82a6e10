using AiPolicyBot.Conversations;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory conversation references, by conversation id.</summary>
public sealed class MemoryReferences : IConversationReferenceStore
{
    public Dictionary<string, ConversationReference> ByConversation { get; } = [];
    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken ct) =>
        Task.FromResult(ByConversation.GetValueOrDefault(conversationId));
    public Task<ConversationReference?> FindPersonalAsync(string aad, CancellationToken ct) =>
        Task.FromResult(ByConversation.Values.FirstOrDefault(r => r.IsPersonal && r.UserAadObjectId == aad));
    public Task SaveAsync(ConversationReference reference, CancellationToken ct) { ByConversation[reference.ConversationId] = reference; return Task.CompletedTask; }
    public Task DeleteAsync(string conversationId, CancellationToken ct) { ByConversation.Remove(conversationId); return Task.CompletedTask; }
}
