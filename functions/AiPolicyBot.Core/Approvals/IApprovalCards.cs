using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// The request's approval card wherever it is shown (a chat channel adapter implements it): post a person's or the
/// channel's copy, and edit every posted copy after a change. Each person sees the view their role allows.
/// </summary>
public interface IApprovalCards
{
    /// <summary>Posts the person's card in their 1:1 chat and remembers where; false when they cannot be reached.</summary>
    Task<bool> PostToUserAsync(ToolRequest request, ApproverDirectory directory, string userId, CardAudience audience, CancellationToken ct);

    /// <summary>Posts the read-only card into a conversation (the approvals channel); false when it cannot be reached.</summary>
    Task<bool> PostToChannelAsync(ToolRequest request, ApproverDirectory directory, string conversationId, CancellationToken ct);

    /// <summary>Edits every posted copy to the current state. One failed copy does not stop the others.</summary>
    Task UpdateAllCopiesAsync(ToolRequest request, ApproverDirectory directory, CancellationToken ct);
}
