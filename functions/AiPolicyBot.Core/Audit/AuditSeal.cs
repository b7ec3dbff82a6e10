namespace AiPolicyBot.Audit;

/// <summary>The newest row of one audit stream, as the stream's head row records it (and as a seal copies it).</summary>
public sealed record AuditHead(string Stream, long Sequence, string Hash);

/// <summary>One stream read in full: its rows in order and what its head row says.</summary>
public sealed record AuditPartition(string Stream, IReadOnlyList<AuditEntry> Rows, long HeadSequence, string HeadHash)
{
    public AuditHead Head => new(Stream, HeadSequence, HeadHash);
}

/// <summary>Reads every audit stream, one after another, for the verifier (a full scan: a daily job and an admin route).</summary>
public interface IAuditPartitions
{
    IAsyncEnumerable<AuditPartition> ReadAllAsync(CancellationToken ct);
}

/// <summary>
/// Copies of stream heads kept where they cannot be rewritten (docs/spec/audit-verification.md): an immutable blob
/// container in Azure, an append-only file in Development. Rewriting a whole stream (rows and head consistently)
/// passes the chain check but not the seal: the sealed hash no longer matches the row at the sealed sequence.
/// </summary>
public interface IAuditSeal
{
    /// <summary>Writes one more seal holding <paramref name="heads"/>; earlier seals stay as they are.</summary>
    Task WriteAsync(IReadOnlyList<AuditHead> heads, DateTimeOffset at, CancellationToken ct);

    /// <summary>Every head ever sealed (a stream may appear many times, with growing sequences).</summary>
    IAsyncEnumerable<AuditHead> ReadAllAsync(CancellationToken ct);
}
