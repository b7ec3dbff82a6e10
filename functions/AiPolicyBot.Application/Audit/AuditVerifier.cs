using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Application.Audit;

/// <summary>
/// Verifies every audit stream (docs/spec/audit-verification.md): each stream's hash chain and head row, then each
/// against the heads sealed where they cannot be rewritten. <see cref="VerifyAsync"/> only reads (the
/// <c>/api/audit/verify</c> route); <see cref="RunDailyAsync"/> also seals the heads that moved and, on a break,
/// alerts the administrators (an alert record and an outbox mail, both idempotent per day).
/// </summary>
public sealed class AuditVerifier(
    IAuditPartitions partitions,
    IAuditSeal seal,
    IAdminAlerts alerts,
    IOutbox outbox,
    TimeProvider time,
    ILogger<AuditVerifier> logger)
{
    public Task<AuditVerificationReport> VerifyAsync(CancellationToken ct) => VerifyCoreAsync(collectHeads: false, ct);

    public async Task<AuditVerificationReport> RunDailyAsync(CancellationToken ct)
    {
        var report = await VerifyCoreAsync(collectHeads: true, ct);
        var now = time.GetUtcNow();
        if (report.ToSeal.Count > 0) await seal.WriteAsync(report.ToSeal, now, ct);
        logger.LogInformation("Audit verified: {Partitions} streams, {Rows} rows, ok {Ok}, {Sealed} heads sealed",
            report.Partitions, report.Rows, report.Ok, report.ToSeal.Count);
        if (report.FirstBreak is { } broken)
        {
            var day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            await alerts.RaiseAsync(new AdminAlert($"audit-break|{day}", "AuditChainBroken", null,
                $"The daily audit verification found a break in stream {broken.Stream} at row {broken.FirstBadSequence}: {broken.Problem}. " +
                "Compare the table with the sealed heads and the backups before anything else changes.", now), ct);
            await outbox.EnsureAsync(AuditBreakMail.JobFor(now), ct);
        }
        return report;
    }

    private async Task<AuditVerificationReport> VerifyCoreAsync(bool collectHeads, CancellationToken ct)
    {
        var sealedHeads = new Dictionary<string, List<AuditHead>>(StringComparer.Ordinal);
        await foreach (var head in seal.ReadAllAsync(ct))
        {
            if (!sealedHeads.TryGetValue(head.Stream, out var list)) sealedHeads[head.Stream] = list = [];
            list.Add(head);
        }

        long partitionCount = 0, rowCount = 0;
        AuditVerification? firstBreak = null;
        var heads = new SortedDictionary<string, AuditHead>(StringComparer.Ordinal);
        var toSeal = new List<AuditHead>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var partition in partitions.ReadAllAsync(ct))
        {
            partitionCount++;
            rowCount += partition.Rows.Count;
            seen.Add(partition.Stream);
            heads[partition.Stream] = partition.Head;
            var sealedForStream = sealedHeads.GetValueOrDefault(partition.Stream) ?? [];
            var result = AuditChain.Verify(partition.Stream, partition.Rows, partition.HeadSequence, partition.HeadHash);
            if (result.IsIntact) result = AuditSealCheck.Check(partition, sealedForStream);
            if (!result.IsIntact)
            {
                firstBreak ??= result;
                continue;
            }
            if (collectHeads && partition.HeadSequence > 0 && !sealedForStream.Any(h => h.Sequence == partition.HeadSequence && h.Hash == partition.HeadHash))
                toSeal.Add(partition.Head);
        }
        foreach (var (stream, list) in sealedHeads)
            if (!seen.Contains(stream))
                firstBreak ??= AuditSealCheck.Missing(stream, list.Max(h => h.Sequence));

        return new AuditVerificationReport(partitionCount, rowCount, firstBreak is null, firstBreak, HeadDigest(heads.Values), toSeal);
    }

    /// <summary>One SHA-256 over every stream's head (stream, sequence, hash; in stream order): it changes whenever any stream grows.</summary>
    public static string HeadDigest(IEnumerable<AuditHead> heads)
    {
        var text = new StringBuilder();
        foreach (var h in heads)
            text.Append(h.Stream).Append('\t').Append(h.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(h.Hash).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>The verifier's answer. <see cref="ToSeal"/> (heads not sealed yet) is for the daily run, never on the wire.</summary>
public sealed record AuditVerificationReport(
    long Partitions,
    long Rows,
    bool Ok,
    AuditVerification? FirstBreak,
    string Head,
    IReadOnlyList<AuditHead> ToSeal);
