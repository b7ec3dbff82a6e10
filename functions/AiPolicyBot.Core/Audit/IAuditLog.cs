namespace AiPolicyBot.Audit;

/// <summary>
/// Append-only audit log of hash-chained streams (one stream per request, or e.g. "register"). There is no update
/// and no delete; <see cref="VerifyAsync"/> proves nobody changed or removed a row.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends to <paramref name="stream"/>; safe under concurrency (each append gets the next sequence).</summary>
    Task<AuditEntry> AppendAsync(string stream, AuditEvent auditEvent, CancellationToken ct);

    /// <summary>
    /// Appends unless the stream already holds an entry <paramref name="alreadyThere"/> recognises; null when it does.
    /// The look and the append are guarded by the same version of the stream's end, so writers racing to record the
    /// same fact (a follow-up and its redelivered copy) add it once.
    /// </summary>
    Task<AuditEntry?> AppendUnlessAsync(string stream, AuditEvent auditEvent, Func<AuditEntry, bool> alreadyThere, CancellationToken ct);

    /// <summary>The rows of a stream in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string stream, CancellationToken ct);

    /// <summary>Recomputes every hash and link of a stream, and checks nothing is missing at the end.</summary>
    Task<AuditVerification> VerifyAsync(string stream, CancellationToken ct);
}
