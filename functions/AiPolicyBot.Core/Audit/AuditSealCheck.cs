namespace AiPolicyBot.Audit;

/// <summary>
/// Compares a stream with the heads sealed for it. Every sealed (sequence, hash) must still be the row at that
/// sequence: a stream rewritten from scratch recomputes every hash and so fails the oldest seal it passes through;
/// a stream cut back below a sealed sequence, or deleted, is missing a sealed row. Pure.
/// </summary>
public static class AuditSealCheck
{
    public static AuditVerification Check(AuditPartition partition, IReadOnlyList<AuditHead> sealedHeads)
    {
        foreach (var seal in sealedHeads.OrderBy(h => h.Sequence))
        {
            if (seal.Sequence < 1) continue;
            if (seal.Sequence > partition.Rows.Count)
                return AuditVerification.Broken(partition.Stream, partition.Rows.Count, partition.Rows.Count + 1L,
                    $"the sealed copy records row {seal.Sequence} but the stream has {partition.Rows.Count} rows");
            if (partition.Rows[(int)(seal.Sequence - 1)].Hash != seal.Hash)
                return AuditVerification.Broken(partition.Stream, partition.Rows.Count, seal.Sequence,
                    $"row {seal.Sequence} differs from its sealed copy (the stream was rewritten)");
        }
        return AuditVerification.Intact(partition.Stream, partition.Rows.Count);
    }

    /// <summary>A stream that was sealed but is no longer in the table at all.</summary>
    public static AuditVerification Missing(string stream, long sealedSequence) =>
        AuditVerification.Broken(stream, 0, 1, $"the stream is gone but its sealed copy records {sealedSequence} rows");
}
