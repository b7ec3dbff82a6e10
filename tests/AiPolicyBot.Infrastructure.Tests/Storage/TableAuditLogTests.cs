using AiPolicyBot.Audit;
using AiPolicyBot.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public sealed class TableAuditLogTests() : TestTables("audtests")
{
    private TableAuditLog Log => new(Tables, TimeProvider.System);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task AppendThree(string stream)
    {
        await Log.AppendAsync(stream, new AuditEvent("submitted", "user-1", "AIP-2026-0001", """{"tier":"trustApproval"}"""), Ct);
        await Log.AppendAsync(stream, new AuditEvent("decided", "approver-cio", "AIP-2026-0001", """{"kind":"approve"}"""), Ct);
        await Log.AppendAsync(stream, new AuditEvent("decided", "approver-dpo", "AIP-2026-0001"), Ct);
    }

    [Fact]
    public async Task Appended_rows_are_chained_in_order_and_verify()
    {
        await AppendThree("AIP-2026-0001");

        var rows = await Log.ReadAsync("AIP-2026-0001", Ct);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.Equal(AuditChain.Genesis, rows[0].PreviousHash);
        Assert.Equal(rows[0].Hash, rows[1].PreviousHash);
        Assert.Equal(rows[1].Hash, rows[2].PreviousHash);
        Assert.Null(rows[2].Data);
        var verification = await Log.VerifyAsync("AIP-2026-0001", Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3, verification.Count);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_stream_all_land_in_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Log.AppendAsync("register", new AuditEvent("changed", $"admin-{i}"), Ct))));

        var rows = await Log.ReadAsync("register", Ct);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(20, rows.Select(r => r.ActorId).Distinct().Count());
        Assert.True((await Log.VerifyAsync("register", Ct)).IsIntact);
    }

    [Fact]
    public async Task Twenty_writers_racing_to_record_one_fact_add_it_once_among_other_appends()
    {
        await Log.AppendAsync("AIP-2026-0007", new AuditEvent("submitted", "user-1"), Ct);
        // Ten copies of one follow-up (the same fact) race ten appends of other facts on the same stream.
        var fact = new AuditEvent("approval.approved", "approver-cio", "AIP-2026-0007", """{"role":"CIO"}""");
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () => i % 2 == 0
            ? await Log.AppendUnlessAsync("AIP-2026-0007", fact, e => e.Kind == fact.Kind && e.ActorId == fact.ActorId, Ct)
            : await Log.AppendAsync("AIP-2026-0007", new AuditEvent("reminded", $"system-{i}"), Ct))));

        var rows = await Log.ReadAsync("AIP-2026-0007", Ct);
        Assert.Single(rows, r => r.Kind == fact.Kind);
        Assert.Equal(1 + 1 + 10, rows.Count);
        Assert.Equal(9, Enumerable.Range(0, 20).Count(i => i % 2 == 0 && results[i] is null)); // the other nine saw it there
        Assert.True((await Log.VerifyAsync("AIP-2026-0007", Ct)).IsIntact);
    }

    [Fact]
    public async Task A_changed_row_is_detected()
    {
        await AppendThree("AIP-2026-0002");
        var row = (await Tables.Audit.GetEntityAsync<TableEntity>("AIP-2026-0002", "000000000002")).Value;
        row["Data"] = """{"kind":"reject"}""";
        await Tables.Audit.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await Log.VerifyAsync("AIP-2026-0002", Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBadSequence);
        Assert.Contains("changed", verification.Problem);
    }

    [Fact]
    public async Task A_row_changed_with_a_recomputed_hash_still_breaks_the_link_to_the_next_row()
    {
        await AppendThree("AIP-2026-0003");
        var row = (await Tables.Audit.GetEntityAsync<TableEntity>("AIP-2026-0003", "000000000001")).Value;
        var forged = AuditChain.Next("AIP-2026-0003", 1, row.GetDateTimeOffset("At")!.Value, new AuditEvent("submitted", "someone-else", "AIP-2026-0003"), AuditChain.Genesis);
        row["ActorId"] = forged.ActorId; row["Subject"] = forged.Subject; row["Data"] = null; row["Hash"] = forged.Hash;
        await Tables.Audit.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await Log.VerifyAsync("AIP-2026-0003", Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBadSequence);
    }

    [Theory]
    [InlineData("000000000001", 1)]
    [InlineData("000000000002", 2)]
    [InlineData("000000000003", 3)]
    public async Task A_removed_row_is_detected(string rowKey, long expectedBad)
    {
        var stream = "AIP-2026-01" + rowKey[^2..];
        await AppendThree(stream);
        await Tables.Audit.DeleteEntityAsync(stream, rowKey);

        var verification = await Log.VerifyAsync(stream, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(expectedBad, verification.FirstBadSequence);
    }

    [Fact]
    public async Task Streams_are_independent_and_unusual_names_are_safe()
    {
        await AppendThree("mail/inbox#1");
        await Log.AppendAsync("other", new AuditEvent("x", "y"), Ct);
        Assert.Equal(3, (await Log.ReadAsync("mail/inbox#1", Ct)).Count);
        Assert.True((await Log.VerifyAsync("mail/inbox#1", Ct)).IsIntact);
        Assert.True((await Log.VerifyAsync("empty-stream", Ct)).IsIntact);
    }
}
