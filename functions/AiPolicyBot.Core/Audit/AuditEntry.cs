namespace AiPolicyBot.Audit;

/// <summary>What happened, as the caller reports it. <see cref="Data"/> is a small JSON document (no personal data
/// beyond pseudonymous ids: the audit log is kept for years).</summary>
public sealed record AuditEvent(string Kind, string ActorId, string? Subject = null, string? Data = null);

/// <summary>
/// One row of an append-only, hash-chained audit stream. <see cref="PreviousHash"/> is the <see cref="Hash"/> of the row
/// before it (<see cref="AuditChain.Genesis"/> for the first), so changing or removing any row breaks the chain.
/// </summary>
public sealed record AuditEntry(
    string Stream,
    long Sequence,
    DateTimeOffset At,
    string Kind,
    string ActorId,
    string? Subject,
    string? Data,
    string PreviousHash,
    string Hash);

/// <summary>The result of checking one stream. <see cref="FirstBadSequence"/> is where the chain first breaks.</summary>
public sealed record AuditVerification(string Stream, bool IsIntact, long Count, long? FirstBadSequence, string? Problem)
{
    public static AuditVerification Intact(string stream, long count) => new(stream, true, count, null, null);

    public static AuditVerification Broken(string stream, long count, long sequence, string problem) =>
        new(stream, false, count, sequence, problem);
}
