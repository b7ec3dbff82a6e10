using AiPolicyBot.Application.Mail;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Testing.Mail;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>The decision mail through the real GraphServiceClient, a stateful fake Graph on loopback, and Azurite.</summary>
public sealed class GraphOutboxTests : IAsyncLifetime
{
    private MailTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await MailTestBed.WithGraphAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Happy_path_sends_one_email_that_lands_in_sent_items_with_headers_and_subject_tag()
    {
        var job = await _bed.DecideAsync("AIP-2026-0042");

        Assert.Equal(0, await _bed.DrainAsync());

        var sent = Assert.Single(_bed.FakeGraph.Sends);
        Assert.Equal(job.JobId, sent.JobId);
        Assert.Contains("[AIP-2026-0042]", sent.Subject);
        Assert.Equal(job.JobId, sent.Headers[MailMessage.JobIdHeader]);
        Assert.Equal("AIP-2026-0042", sent.Headers[MailMessage.ReferenceHeader]);
        Assert.Equal([MailTestBed.Mailbox], sent.To);
        Assert.Equal(MailTestBed.Mailbox, sent.From);
        Assert.Equal("html", sent.BodyType, ignoreCase: true);
        Assert.Contains("Quizzer", sent.Body);
        Assert.Contains("IdType=\"ImmutableId\"", sent.Prefer);
        // Sending a draft keeps the copy in Sent Items (the idempotency check relies on finding it there).
        var copy = Assert.Single(_bed.FakeGraph.Folder("sentitems"));
        Assert.False(copy.IsDraft);
        Assert.Empty(_bed.FakeGraph.Folder("drafts"));

        var row = await _bed.RowAsync(job);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(sent.Id, row.DraftId);
    }

    [Fact]
    public async Task A_decision_mail_waits_until_the_request_reached_its_final_state()
    {
        var pending = await _bed.Requests.CreateAsync(MailSamples.Request(RequestState.Pending, reference: "AIP-2026-0056"), default);
        var job = OutboxJob.DecisionFor("AIP-2026-0056", MailSamples.At);
        await _bed.DecisionLog.RecordAsync("AIP-2026-0056", MailSamples.Decision(), [job], default);

        await Assert.ThrowsAsync<RequestNotFinalException>(() =>
            _bed.Sender.HandleAsync(new OutboxPointer(job.Reference, job.JobId).ToJson(), default));
        Assert.Empty(_bed.FakeGraph.Sends);

        await _bed.Requests.UpdateAsync(pending.Value with { State = RequestState.Rejected }, pending.Version, default);
        await _bed.DrainAsync();
        var sent = Assert.Single(_bed.FakeGraph.Sends);
        Assert.Contains("Decision: rejected", sent.Subject);
    }

    [Fact]
    public async Task A_replayed_queue_message_after_success_sends_nothing_more()
    {
        var job = await _bed.DecideAsync("AIP-2026-0043");
        await _bed.DrainAsync();
        await _bed.Queue.EnqueueAsync(new OutboxPointer(job.Reference, job.JobId), null, default);
        await _bed.DrainAsync();

        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Equal(2, _bed.Handled.Count);
    }

    [Fact]
    public async Task Throttling_429_is_retried_by_the_sdk_honouring_retry_after()
    {
        var job = await _bed.DecideAsync("AIP-2026-0044");
        var throttled = 0;
        _bed.FakeGraph.Faults = call => call.Step == FakeStep.Send && throttled++ == 0 ? new Fault(429, RetryAfterSeconds: 1) : null;

        Assert.Equal(0, await _bed.DrainAsync());

        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        var sends = _bed.FakeGraph.Requests.Where(r => r.PathAndQuery.EndsWith("/send", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal("1", sends[1].RetryAttempt);
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(sends[1].At - sends[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Throttling_beyond_the_sdk_retries_reschedules_the_job_instead_of_failing_it()
    {
        var job = await _bed.DecideAsync("AIP-2026-0045");
        var throttled = 0;
        // 1 + MaxRetry(3) throttled answers exhaust the SDK; the sender re-schedules with Attempt 1.
        _bed.FakeGraph.Faults = call => call.Step == FakeStep.Send && throttled++ < 4 ? new Fault(429, RetryAfterSeconds: 0) : null;

        Assert.Equal(0, await _bed.DrainAsync());

        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Equal([0, 1], _bed.Handled.Select(p => p.Attempt));
        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
    }

    [Fact]
    public async Task A_504_after_graph_accepted_the_send_is_not_retried_blindly_and_sends_no_duplicate()
    {
        var job = await _bed.DecideAsync("AIP-2026-0046");
        var faulted = false;
        _bed.FakeGraph.Faults = call => call.Step == FakeStep.Send && !faulted && (faulted = true)
            ? new Fault(504, AfterEffect: true, JsonBody: false) : null;

        Assert.Equal(1, await _bed.DrainAsync()); // the first delivery failed, the second found the mail sent

        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Single(_bed.FakeGraph.Requests, r => r.PathAndQuery.EndsWith("/send", StringComparison.Ordinal)); // the SDK did not re-POST
        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
    }

    [Fact]
    public async Task A_503_on_a_get_is_retried_by_the_sdk_but_a_503_on_creating_the_draft_is_not()
    {
        var job = await _bed.DecideAsync("AIP-2026-0047");
        int gets = 0, creates = 0;
        _bed.FakeGraph.Faults = call => call switch
        {
            { Step: FakeStep.GetMessage } when gets++ == 0 => new Fault(503, RetryAfterSeconds: 0),
            { Step: FakeStep.CreateDraft } when creates++ == 0 => new Fault(503, RetryAfterSeconds: 0),
            _ => null,
        };

        Assert.Equal(1, await _bed.DrainAsync()); // the draft POST failed once (not repeated by the SDK)

        Assert.Equal(2, _bed.FakeGraph.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/messages", StringComparison.Ordinal)));
        Assert.Equal(2, _bed.FakeGraph.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("/messages/AAk", StringComparison.Ordinal)));
        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
    }

    [Fact]
    public async Task A_crash_between_draft_and_send_still_yields_exactly_one_email_after_restart()
    {
        var job = await _bed.DecideAsync("AIP-2026-0048");
        var crashed = false;
        _bed.Outbox.CrashAfterDraftStored = _ => !crashed && (crashed = true);

        Assert.Equal(1, await _bed.DrainAsync());

        Assert.True(crashed);
        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Equal(1, _bed.FakeGraph.DraftsCreatedFor(job.JobId)); // the stored draft was reused
        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
    }

    [Fact]
    public async Task A_crash_before_the_draft_id_was_stored_reuses_the_orphan_draft()
    {
        var job = await _bed.DecideAsync("AIP-2026-0049");
        var crashed = false;
        _bed.Outbox.CrashBeforeDraftStored = _ => !crashed && (crashed = true);

        await _bed.DrainAsync();

        Assert.Equal(1, _bed.FakeGraph.DraftsCreatedFor(job.JobId));
        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
    }

    [Fact]
    public async Task A_crash_after_the_send_before_the_row_was_marked_sent_does_not_send_again()
    {
        var job = await _bed.DecideAsync("AIP-2026-0050");
        var crashed = false;
        _bed.Outbox.CrashBeforeSentStored = _ => !crashed && (crashed = true);

        await _bed.DrainAsync();

        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
    }

    [Fact]
    public async Task After_five_failed_deliveries_the_job_is_poisoned_the_row_failed_and_the_admins_alerted()
    {
        var job = await _bed.DecideAsync("AIP-2026-0051");
        _bed.FakeGraph.Faults = call => call.Step == FakeStep.CreateDraft ? new Fault(403) : null; // e.g. access denied

        Assert.Equal(5, await _bed.DrainAsync(maxDequeueCount: 5));
        Assert.Equal(1, await _bed.DrainPoisonAsync());

        Assert.Empty(_bed.FakeGraph.Sends);
        var row = await _bed.RowAsync(job);
        Assert.Equal(OutboxState.Failed, row.State);
        var alert = Assert.Single(await _bed.Alerts.ListAsync(default));
        Assert.Equal("MailPoisoned", alert.Kind);
        Assert.Equal("AIP-2026-0051", alert.Reference);
        Assert.Contains(job.JobId, alert.Detail);
        Assert.DoesNotContain("Alex", alert.Detail); // no personal data in the alert

        // Handling the same poison message again changes nothing and raises no second alert.
        await _bed.Poison.HandleAsync(new OutboxPointer(job.Reference, job.JobId).ToJson(), default);
        Assert.Single(await _bed.Alerts.ListAsync(default));
        // The relay leaves failed rows alone.
        Assert.Equal(0, await _bed.Relay.RunAsync(default));
    }

    [Fact]
    public async Task A_stored_draft_deleted_from_the_mailbox_is_not_resent_blindly_but_poisoned_and_alerted()
    {
        var job = await _bed.DecideAsync("AIP-2026-0055");
        var crashed = false;
        _bed.Outbox.CrashAfterDraftStored = _ => !crashed && (crashed = true);
        await _bed.DrainAsync(maxDequeueCount: 1); // crashed after storing the draft id: straight to poison
        await _bed.Storage.Poison.ClearMessagesAsync();
        var draftId = (await _bed.RowAsync(job)).DraftId!;
        _bed.FakeGraph.Delete(draftId); // a person deleted the draft: was it sent? Nothing proves it.
        await _bed.Queue.EnqueueAsync(new OutboxPointer(job.Reference, job.JobId), null, default);

        Assert.Equal(5, await _bed.DrainAsync(maxDequeueCount: 5));
        await _bed.DrainPoisonAsync();

        Assert.Empty(_bed.FakeGraph.Sends);
        Assert.Equal(OutboxState.Failed, (await _bed.RowAsync(job)).State);
        Assert.Equal("AIP-2026-0055", Assert.Single(await _bed.Alerts.ListAsync(default)).Reference);
    }

    [Fact]
    public async Task A_poisoned_message_for_a_job_that_was_sent_after_all_raises_no_alert()
    {
        var job = await _bed.DecideAsync("AIP-2026-0052");
        await _bed.DrainAsync();

        await _bed.Poison.HandleAsync(new OutboxPointer(job.Reference, job.JobId).ToJson(), default);

        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
        Assert.Empty(await _bed.Alerts.ListAsync(default));
    }

    [Fact]
    public async Task The_relay_requeues_a_job_whose_pointer_was_lost()
    {
        var job = await _bed.DecideAsync("AIP-2026-0053");
        await _bed.Storage.Outbox.ClearMessagesAsync(); // the pointer never arrived

        Assert.Equal(0, await _bed.DrainAsync());
        Assert.Empty(_bed.FakeGraph.Sends);

        Assert.Equal(1, await _bed.Relay.RunAsync(default));
        await _bed.DrainAsync();
        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Equal(0, await _bed.Relay.RunAsync(default)); // nothing left unsent
    }

    [Fact]
    public async Task Two_deliveries_of_the_same_job_at_once_send_one_email()
    {
        var job = await _bed.DecideAsync("AIP-2026-0054");
        var message = new OutboxPointer(job.Reference, job.JobId).ToJson();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            try
            {
                await _bed.Sender.HandleAsync(message, default);
                return true;
            }
            catch (AiPolicyBot.Common.ConcurrencyConflictException)
            {
                return false; // the queue would retry it
            }
            catch (Microsoft.Kiota.Abstractions.ApiException)
            {
                return false;
            }
        }));
        await _bed.Sender.HandleAsync(message, default); // the retry of a loser

        Assert.Contains(true, results);
        Assert.Equal(1, _bed.FakeGraph.SendsOf(job.JobId));
        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
    }
}
