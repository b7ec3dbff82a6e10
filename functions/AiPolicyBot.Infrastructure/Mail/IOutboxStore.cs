using AiPolicyBot.Common;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Reads and advances outbox rows. Every change is ETag-conditional (a stale version raises
/// <see cref="ConcurrencyConflictException"/>) and only moves forward: Pending → Drafted → Sent, or → Failed.
/// </summary>
public interface IOutboxStore
{
    Task<Versioned<OutboxRecord>?> GetAsync(string reference, string jobId, CancellationToken ct);

    /// <summary>Stores the Graph draft id BEFORE the draft is sent, so a retry can find out whether it was sent.</summary>
    Task<Versioned<OutboxRecord>> MarkDraftedAsync(Versioned<OutboxRecord> current, string draftId, CancellationToken ct);

    Task<Versioned<OutboxRecord>> MarkSentAsync(Versioned<OutboxRecord> current, CancellationToken ct);

    /// <summary>Gives up on the job (after every retry); <paramref name="reason"/> holds no personal data.</summary>
    Task<Versioned<OutboxRecord>> MarkFailedAsync(Versioned<OutboxRecord> current, string reason, CancellationToken ct);

    /// <summary>Rows neither Sent nor Failed whose last change is older than <paramref name="olderThan"/>.</summary>
    Task<IReadOnlyList<OutboxRecord>> ListUnsentAsync(DateTimeOffset olderThan, CancellationToken ct);
}
