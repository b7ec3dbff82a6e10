using AiPolicyBot.Common;

namespace AiPolicyBot.Requests;

/// <summary>Durable storage of approval requests (Table Storage in Azure). Every change passes the version it read.</summary>
public interface IRequestStore
{
    /// <summary>The request with this AIP-YYYY-NNNN reference, or null (also for a malformed reference).</summary>
    Task<Versioned<ToolRequest>?> GetAsync(string reference, CancellationToken ct);

    /// <summary>Stores a new request; <see cref="ConcurrencyConflictException"/> if the reference is taken.</summary>
    Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, CancellationToken ct);

    /// <summary>Replaces a request if it still has <paramref name="version"/>; otherwise <see cref="ConcurrencyConflictException"/>.</summary>
    Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct);

    /// <summary>
    /// <see cref="CreateAsync(ToolRequest, CancellationToken)"/> with the event that follows it up, in ONE transaction:
    /// either both are stored or neither (the event then waits in the outbox for the relay).
    /// </summary>
    Task<CommittedChange> CreateAsync(ToolRequest request, RequestEvent followUp, CancellationToken ct);

    /// <summary><see cref="UpdateAsync(ToolRequest, string, CancellationToken)"/> with its follow-up event, in ONE transaction.</summary>
    Task<CommittedChange> UpdateAsync(ToolRequest request, string version, RequestEvent followUp, CancellationToken ct);

    /// <summary>Every request this person (Entra object id) made, newest first.</summary>
    Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct);

    /// <summary>Requests still waiting for someone (<see cref="RequestStates.Open"/>), oldest first.</summary>
    Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct);

    /// <summary>The same requests as <see cref="ListOpenAsync"/>, oldest first, as the few facts a list shows (no whole request).</summary>
    Task<IReadOnlyList<OpenRequest>> ListOpenSummariesAsync(CancellationToken ct);

    /// <summary>
    /// The next free reference for <paramref name="year"/>, "AIP-YYYY-NNNN". Unique even when many callers ask at
    /// once (an ETag-guarded counter); a number once handed out is never handed out again, even if unused.
    /// </summary>
    Task<string> NextReferenceAsync(int year, CancellationToken ct);
}
