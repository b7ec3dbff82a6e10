using System.Text;
using System.Text.Json;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Mail;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>The decision log on Azurite: one transaction, 409 = already decided, pointers on the queue.</summary>
public sealed class TableDecisionLogTests : IAsyncLifetime
{
    private MailTestBed _bed = null!;

    public Task InitializeAsync()
    {
        _bed = MailTestBed.WithLocalFolder(Path.Combine(Path.GetTempPath(), "aipolicybot-mail-" + Guid.NewGuid().ToString("N")));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Records_the_decision_and_its_outbox_row_together_and_queues_a_base64_pointer()
    {
        var job = OutboxJob.DecisionFor("AIP-2026-0100", MailSamples.At);
        var decision = MailSamples.Decision(kind: DecisionKind.ApproveWithConditions) with { Comment = "Fine <b>", Conditions = ["DPIA_REQUIRED"] };

        Assert.True(await _bed.DecisionLog.RecordAsync("AIP-2026-0100", decision, [job], default));

        var stored = Assert.Single(await _bed.DecisionLog.ListAsync("AIP-2026-0100", default));
        Assert.Equal(decision.Role, stored.Role);
        Assert.Equal(decision.Kind, stored.Kind);
        Assert.Equal(decision.Comment, stored.Comment);
        Assert.Equal(decision.Conditions, stored.Conditions);
        Assert.Equal(decision.DecidedAt, stored.DecidedAt);
        var row = await _bed.RowAsync(job);
        Assert.Equal(OutboxState.Pending, row.State);
        Assert.Null(row.DraftId);

        // Raw queue text is Base64 of the JSON pointer (what the Functions queue trigger decodes).
        var raw = new QueueClient(TestStorage.ConnectionString, _bed.Storage.Outbox.Name);
        var message = Assert.Single((await raw.PeekMessagesAsync(10)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("AIP-2026-0100", doc.RootElement.GetProperty("reference").GetString());
        Assert.Equal(job.JobId, doc.RootElement.GetProperty("jobId").GetString());
    }

    [Fact]
    public async Task A_repeated_decision_by_the_same_approver_and_role_returns_false_and_writes_nothing()
    {
        var reference = "AIP-2026-0101";
        Assert.True(await _bed.DecisionLog.RecordAsync(reference, MailSamples.Decision(), [], default));
        await _bed.Storage.Outbox.ClearMessagesAsync();

        var again = await _bed.DecisionLog.RecordAsync(reference, MailSamples.Decision(kind: DecisionKind.Reject),
            [OutboxJob.DecisionFor(reference, MailSamples.At)], default);

        Assert.False(again);
        Assert.Equal(DecisionKind.Approve, Assert.Single(await _bed.DecisionLog.ListAsync(reference, default)).Kind);
        Assert.Null(await _bed.TableOutbox.GetAsync(reference, $"{reference}-decision", default)); // rolled back
        Assert.Empty((await _bed.Storage.Outbox.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task Different_roles_of_the_same_person_are_separate_decisions_listed_in_time_order()
    {
        var reference = "AIP-2026-0102";
        await _bed.DecisionLog.RecordAsync(reference, MailSamples.Decision("DPO") with { DecidedAt = MailSamples.At.AddMinutes(5) }, [], default);
        await _bed.DecisionLog.RecordAsync(reference, MailSamples.Decision("CIO"), [], default);

        Assert.Equal(["CIO", "DPO"], (await _bed.DecisionLog.ListAsync(reference, default)).Select(d => d.Role));
        Assert.Empty(await _bed.DecisionLog.ListAsync("AIP-2026-0999", default));
    }

    [Fact]
    public async Task An_outbox_job_ensured_before_the_decision_is_kept_once_and_the_decision_still_recorded()
    {
        var reference = "AIP-2026-0103";
        var job = OutboxJob.DecisionFor(reference, MailSamples.At);
        await _bed.TableOutbox.EnsureAsync(job, default);
        await _bed.TableOutbox.EnsureAsync(job, default); // insert-if-absent

        Assert.True(await _bed.DecisionLog.RecordAsync(reference, MailSamples.Decision(), [job], default));

        Assert.Single(await _bed.DecisionLog.ListAsync(reference, default));
        var rows = new List<TableEntity>();
        await foreach (var e in _bed.Storage.Decisions.QueryAsync<TableEntity>(DecisionRows.PrefixFilter(DecisionRows.OutboxPrefix))) rows.Add(e);
        Assert.Equal($"outbox|{job.JobId}", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task An_outbox_job_of_another_request_is_refused_before_anything_is_written()
    {
        var foreign = OutboxJob.DecisionFor("AIP-2026-0999", MailSamples.At);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _bed.DecisionLog.RecordAsync("AIP-2026-0104", MailSamples.Decision(), [foreign], default));

        Assert.Empty(await _bed.DecisionLog.ListAsync("AIP-2026-0104", default));
    }

    [Fact]
    public void The_transaction_guard_rejects_actions_in_two_partitions()
    {
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("AIP-2026-0001", "decision|CIO|x")),
            new(TableTransactionActionType.Add, new TableEntity("AIP-2026-0002", "outbox|AIP-2026-0002-decision")),
        ];

        var error = Assert.Throws<InvalidOperationException>(() => EntityGroupTransaction.EnsureOnePartition(actions));
        Assert.Contains("one partition", error.Message);
    }

    [Fact]
    public void The_transaction_guard_accepts_one_partition_and_rejects_empty_or_oversized_batches()
    {
        EntityGroupTransaction.EnsureOnePartition([
            new(TableTransactionActionType.Add, new TableEntity("AIP-2026-0001", "decision|CIO|x")),
            new(TableTransactionActionType.Add, new TableEntity("AIP-2026-0001", "outbox|AIP-2026-0001-decision")),
        ]);
        Assert.Throws<InvalidOperationException>(() => EntityGroupTransaction.EnsureOnePartition([]));
        var many = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))).ToList();
        Assert.Throws<InvalidOperationException>(() => EntityGroupTransaction.EnsureOnePartition(many));
    }

    [Fact]
    public async Task Outbox_moves_are_etag_conditional_and_forward_only()
    {
        var reference = "AIP-2026-0105";
        var job = OutboxJob.DecisionFor(reference, MailSamples.At);
        await _bed.TableOutbox.EnsureAsync(job, default);
        var read = (await _bed.TableOutbox.GetAsync(reference, job.JobId, default))!;

        var drafted = await _bed.TableOutbox.MarkDraftedAsync(read, "draft-1", default);
        await Assert.ThrowsAsync<AiPolicyBot.Common.ConcurrencyConflictException>(() => _bed.TableOutbox.MarkSentAsync(read, default)); // stale
        var sent = await _bed.TableOutbox.MarkSentAsync(drafted, default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _bed.TableOutbox.MarkFailedAsync(sent, "x", default));

        var row = await _bed.RowAsync(job);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal("draft-1", row.DraftId);
    }

    [Fact]
    public async Task The_unsent_list_honours_the_grace_period_and_skips_finished_rows()
    {
        var pending = OutboxJob.DecisionFor("AIP-2026-0106", MailSamples.At);
        var sent = OutboxJob.DecisionFor("AIP-2026-0107", MailSamples.At);
        await _bed.TableOutbox.EnsureAsync(pending, default);
        await _bed.TableOutbox.EnsureAsync(sent, default);
        await _bed.TableOutbox.MarkSentAsync((await _bed.TableOutbox.GetAsync(sent.Reference, sent.JobId, default))!, default);

        var stale = await _bed.TableOutbox.ListUnsentAsync(DateTimeOffset.UtcNow.AddSeconds(5), default);
        Assert.Equal([pending.JobId], stale.Select(r => r.Job.JobId));
        Assert.Empty(await _bed.TableOutbox.ListUnsentAsync(DateTimeOffset.UtcNow.AddMinutes(-5), default)); // within the grace period
    }
}
