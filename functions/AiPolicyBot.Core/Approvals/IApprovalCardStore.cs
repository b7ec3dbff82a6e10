namespace AiPolicyBot.Approvals;

/// <summary>Who a posted card copy is for: one approver's 1:1 chat, the approvals channel, or the requester's chat.</summary>
public enum CardAudience { Approver, Channel, Requester }

/// <summary>
/// One posted copy of a request's card (docs/approvals.md): where it is, so every copy can be edited after each
/// decision. <see cref="UserId"/> is the Entra object id of the person whose chat it is (null for the channel).
/// </summary>
public sealed record ApprovalCardCopy(
    string Reference,
    CardAudience Audience,
    string? UserId,
    string ConversationId,
    string ActivityId,
    string ServiceUrl);

/// <summary>Card copies per request (table ApprovalCards, PartitionKey = reference).</summary>
public interface IApprovalCardStore
{
    /// <summary>Remembers a posted copy; adding the same conversation and activity again is a no-op.</summary>
    Task AddAsync(ApprovalCardCopy copy, CancellationToken ct);

    Task<IReadOnlyList<ApprovalCardCopy>> ListAsync(string reference, CancellationToken ct);
}
