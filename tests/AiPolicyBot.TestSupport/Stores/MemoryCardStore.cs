using AiPolicyBot.Approvals;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory approval card copies, one per (conversation, activity).</summary>
public sealed class MemoryCardStore : IApprovalCardStore
{
    public List<ApprovalCardCopy> Copies { get; } = [];
    public Task AddAsync(ApprovalCardCopy copy, CancellationToken ct)
    {
        lock (Copies) if (!Copies.Any(c => c.ConversationId == copy.ConversationId && c.ActivityId == copy.ActivityId)) Copies.Add(copy);
        return Task.CompletedTask;
    }
    public Task<IReadOnlyList<ApprovalCardCopy>> ListAsync(string reference, CancellationToken ct)
    {
        lock (Copies) return Task.FromResult<IReadOnlyList<ApprovalCardCopy>>([.. Copies.Where(c => c.Reference == reference)]);
    }
}
