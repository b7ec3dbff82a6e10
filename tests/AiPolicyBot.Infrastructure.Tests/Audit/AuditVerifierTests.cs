using AiPolicyBot.Application.Audit;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Audit;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Tests.Storage;
using AiPolicyBot.Mail;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Infrastructure.Tests.Audit;

/// <summary>
/// The verifier on Azurite: a changed row breaks the chain; a stream rewritten from scratch (rows and head made
/// consistent again) passes the chain but not the seal in the blob container; the daily run alerts once through the
/// outbox; the file seal in Development behaves the same.
/// </summary>
public sealed class AuditVerifierTests() : TestTables("audver"), IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly AuditSealOptions _sealOptions = new() { Container = "seal" + Guid.NewGuid().ToString("N")[..12] };
    private readonly RecordingOutbox _outbox = new();
    private readonly RecordingAlerts _alerts = new();
    private TableAuditLog Log => new(Tables, TimeProvider.System);
    private BlobServiceClient Blobs => new(ConnectionString);

    private AuditVerifier Verifier(IAuditSeal? seal = null) =>
        new(Log, seal ?? new BlobAuditSeal(Blobs, _sealOptions), _alerts, _outbox, TimeProvider.System, NullLogger<AuditVerifier>.Instance);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Blobs.GetBlobContainerClient(_sealOptions.Container).DeleteIfExistsAsync();
    }

    private async Task AppendAsync(string stream, int count, string actor = "user-1")
    {
        for (var i = 0; i < count; i++) await Log.AppendAsync(stream, new AuditEvent("step", actor, stream, $"{{\"n\":{i}}}"), Ct);
    }

    [Fact]
    public async Task An_intact_log_verifies_with_counts_and_a_head_over_every_stream()
    {
        await AppendAsync("AIP-2026-0001", 3);
        await AppendAsync("register", 2);

        var report = await Verifier().VerifyAsync(Ct);

        Assert.True(report.Ok);
        Assert.Null(report.FirstBreak);
        Assert.Equal(2, report.Partitions);
        Assert.Equal(5, report.Rows);
        Assert.Matches("^[0-9a-f]{64}$", report.Head);
        await AppendAsync("register", 1);
        Assert.NotEqual(report.Head, (await Verifier().VerifyAsync(Ct)).Head); // the head moves with any stream
    }

    [Fact]
    public async Task A_tampered_row_is_reported_with_its_stream_and_sequence()
    {
        await AppendAsync("AIP-2026-0002", 4);
        await AppendAsync("register", 2);
        var row = (await Tables.Audit.GetEntityAsync<TableEntity>("AIP-2026-0002", "000000000002")).Value;
        row["ActorId"] = "someone-else";
        await Tables.Audit.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var report = await Verifier().VerifyAsync(Ct);

        Assert.False(report.Ok);
        Assert.Equal("AIP-2026-0002", report.FirstBreak!.Stream);
        Assert.Equal(2, report.FirstBreak.FirstBadSequence);
        Assert.Equal(6, report.Rows);
    }

    [Fact]
    public async Task A_partition_rewritten_consistently_passes_the_chain_but_not_the_seal()
    {
        await AppendAsync("AIP-2026-0003", 3, actor: "requester-a");
        var daily = await Verifier().RunDailyAsync(Ct); // seals the head of every stream
        Assert.True(daily.Ok);
        Assert.Single(daily.ToSeal);

        // Rewrite the whole stream: delete every row and the head, then append a new, internally consistent history.
        await foreach (var e in Tables.Audit.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"AIP-2026-0003"}")))
            await Tables.Audit.DeleteEntityAsync(e.PartitionKey, e.RowKey);
        await AppendAsync("AIP-2026-0003", 3, actor: "requester-b");
        Assert.True((await Log.VerifyAsync("AIP-2026-0003", Ct)).IsIntact); // the chain alone cannot see it

        var report = await Verifier().VerifyAsync(Ct);

        Assert.False(report.Ok);
        Assert.Equal("AIP-2026-0003", report.FirstBreak!.Stream);
        Assert.Contains("sealed copy", report.FirstBreak.Problem);
    }

    [Fact]
    public async Task A_deleted_sealed_stream_is_reported_and_the_daily_run_alerts_once_through_the_outbox()
    {
        await AppendAsync("AIP-2026-0004", 2);
        await AppendAsync("register", 1);
        await Verifier().RunDailyAsync(Ct);
        await foreach (var e in Tables.Audit.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"AIP-2026-0004"}")))
            await Tables.Audit.DeleteEntityAsync(e.PartitionKey, e.RowKey);

        var first = await Verifier().RunDailyAsync(Ct);
        await Verifier().RunDailyAsync(Ct);

        Assert.False(first.Ok);
        Assert.Equal("AIP-2026-0004", first.FirstBreak!.Stream);
        Assert.Empty(first.ToSeal); // nothing new to seal: "register" did not move
        Assert.Equal(2, _outbox.Jobs.Count); // ensured twice, one deterministic id: the real outbox keeps one
        Assert.Single(_outbox.Jobs.Select(j => j.JobId).Distinct());
        Assert.Equal(MailKind.AuditBreak, _outbox.Jobs[0].Kind);
        Assert.Single(_alerts.Alerts.Select(a => a.Id).Distinct());
    }

    [Fact]
    public async Task The_development_file_seal_only_appends_and_detects_a_rewrite_too()
    {
        var path = Path.Combine(Path.GetTempPath(), "aipolicybot-seal-" + Guid.NewGuid().ToString("N"), "audit-seal.jsonl");
        var seal = new FileAuditSeal(new AuditSealOptions { File = path });
        await AppendAsync("AIP-2026-0005", 2);
        await Verifier(seal).RunDailyAsync(Ct);
        var afterFirst = await File.ReadAllTextAsync(path);
        await AppendAsync("AIP-2026-0005", 1);
        await Verifier(seal).RunDailyAsync(Ct);
        var afterSecond = await File.ReadAllTextAsync(path);
        Assert.StartsWith(afterFirst, afterSecond); // appended, never rewritten
        Assert.Equal(2, afterSecond.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // A rewrite that keeps the chain consistent: recompute all three rows from a changed first row.
        var rows = await Log.ReadAsync("AIP-2026-0005", Ct);
        var previous = AuditChain.Genesis;
        foreach (var r in rows)
        {
            var changed = AuditChain.Next(r.Stream, r.Sequence, r.At, new AuditEvent(r.Kind, "forged", r.Subject, r.Data), previous);
            var e = (await Tables.Audit.GetEntityAsync<TableEntity>("AIP-2026-0005", r.Sequence.ToString("D12"))).Value;
            e["ActorId"] = changed.ActorId;
            e["PreviousHash"] = changed.PreviousHash;
            e["Hash"] = changed.Hash;
            await Tables.Audit.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace);
            previous = changed.Hash;
        }
        var head = (await Tables.Audit.GetEntityAsync<TableEntity>("AIP-2026-0005", TableAuditLog.HeadRowKey)).Value;
        head["Hash"] = previous;
        await Tables.Audit.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace);
        Assert.True((await Log.VerifyAsync("AIP-2026-0005", Ct)).IsIntact);

        var report = await Verifier(seal).VerifyAsync(Ct);

        Assert.False(report.Ok);
        Assert.Equal(2, report.FirstBreak!.FirstBadSequence); // the oldest sealed row that no longer matches
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private sealed class RecordingOutbox : IOutbox
    {
        public List<OutboxJob> Jobs { get; } = [];

        public Task EnsureAsync(OutboxJob job, CancellationToken ct)
        {
            Jobs.Add(job);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingAlerts : IAdminAlerts
    {
        public List<AdminAlert> Alerts { get; } = [];

        public Task RaiseAsync(AdminAlert alert, CancellationToken ct)
        {
            Alerts.Add(alert);
            return Task.CompletedTask;
        }

        public Task<AdminAlert?> GetAsync(string id, CancellationToken ct) => Task.FromResult(Alerts.LastOrDefault(a => a.Id == id));
    }
}
