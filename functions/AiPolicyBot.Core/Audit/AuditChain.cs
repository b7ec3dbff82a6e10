using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Audit;

/// <summary>The pure hashing and checking rules of the audit chain, independent of where rows are stored.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first row of every stream.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 (lower-case hex) over every field of the row except its own hash. Each field is length-prefixed
    /// so that moving characters between fields changes the hash.</summary>
    public static string ComputeHash(string stream, long sequence, DateTimeOffset at, string kind, string actorId,
        string? subject, string? data, string previousHash)
    {
        var text = new StringBuilder();
        void Field(string? value)
        {
            value ??= "\u0000null";
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
        }
        Field(stream);
        Field(sequence.ToString(CultureInfo.InvariantCulture));
        Field(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Field(kind);
        Field(actorId);
        Field(subject);
        Field(data);
        Field(previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static AuditEntry Next(string stream, long sequence, DateTimeOffset at, AuditEvent e, string previousHash) =>
        new(stream, sequence, at, e.Kind, e.ActorId, e.Subject, e.Data, previousHash,
            ComputeHash(stream, sequence, at, e.Kind, e.ActorId, e.Subject, e.Data, previousHash));

    /// <summary>
    /// Checks rows (in storage order) against each other and against the stream head (the last sequence and hash
    /// the store recorded when appending). A changed row fails its hash; a removed row leaves a gap or a broken link;
    /// a removed last row no longer matches the head.
    /// </summary>
    public static AuditVerification Verify(string stream, IReadOnlyList<AuditEntry> rows, long headSequence, string headHash)
    {
        var previous = Genesis;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var expectedSequence = i + 1L;
            if (row.Sequence != expectedSequence)
                return AuditVerification.Broken(stream, rows.Count, expectedSequence, $"row {expectedSequence} is missing");
            if (row.PreviousHash != previous)
                return AuditVerification.Broken(stream, rows.Count, row.Sequence, $"row {row.Sequence} does not link to the row before it");
            var recomputed = ComputeHash(row.Stream, row.Sequence, row.At, row.Kind, row.ActorId, row.Subject, row.Data, row.PreviousHash);
            if (row.Hash != recomputed || row.Stream != stream)
                return AuditVerification.Broken(stream, rows.Count, row.Sequence, $"row {row.Sequence} was changed");
            previous = row.Hash;
        }
        if (rows.Count != headSequence)
            return AuditVerification.Broken(stream, rows.Count, rows.Count + 1L,
                $"the stream should have {headSequence} rows but has {rows.Count}");
        if (rows.Count > 0 && previous != headHash)
            return AuditVerification.Broken(stream, rows.Count, rows.Count, $"row {rows.Count} does not match the stream head");
        return AuditVerification.Intact(stream, rows.Count);
    }
}
