using AiPolicyBot.Application.Triage;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Infrastructure.Tests.Mail.Inbox;

/// <summary>
/// Graph ingestion end to end: the production GraphServiceClient against the stateful fake Graph on loopback and
/// Azurite. Delta paging, deltaLink handling, resync, crash recovery, tagging and moving, triage mails.
/// </summary>
public class GraphInboxTests
{
    private const string Staff = "sam.teacher@oak.academy.example";

    [Fact]
    public async Task Delta_paging_follows_every_nextLink_triages_each_mail_once_and_saves_the_deltaLink_at_the_end()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        bed.Graph.DeltaPageSize = 3;
        var ids = Enumerable.Range(1, 7).Select(i => bed.Graph.Deliver(Staff, $"Question {i}: which AI tools are approved?", "Which AI tools are on the register for lesson planning?")).ToList();

        var report = await bed.NewSync().RunAsync(default);

        Assert.NotNull(report);
        Assert.Equal(7, report.Seen);
        Assert.Equal(7, report.Processed);
        Assert.True(report.DeltaSaved);
        Assert.True(3 == bed.Graph.DeltaCalls, string.Join("\n", bed.Graph.Requests.Select(r => r.Method + " " + r.PathAndQuery)));
        foreach (var id in ids)
        {
            var record = await bed.RecordAsync("graph", id);
            Assert.Equal(TriageRecordState.Done, record!.Value.State);
            Assert.NotEqual("inbox", bed.Graph.Message(id).Folder);
        }
        Assert.Empty(bed.Graph.Inbox());
        var link = await bed.State.GetAsync(GraphInboxSync.DeltaStateName, default);
        Assert.Contains("$deltatoken=", link!.Value);
        Assert.StartsWith(bed.Graph.BaseUrl, link.Value);

        // Next round from the stored deltaLink: the moves come back as @removed and are ignored; nothing new.
        var again = await bed.NewSync().RunAsync(default);
        Assert.Equal(0, again!.Seen);
        Assert.Equal(0, again.Processed);
        Assert.Contains(bed.Graph.Requests, r => r.PathAndQuery.Contains("$deltatoken=", StringComparison.Ordinal));
        // Every Graph call asked for immutable ids (Prefer is not carried over by WithUrl: added on each request).
        Assert.All(bed.Graph.Requests.Where(r => r.PathAndQuery.Contains("delta()", StringComparison.Ordinal)),
            r => Assert.Contains("IdType=\"ImmutableId\"", r.Prefer));
    }

    [Fact]
    public async Task An_expired_deltaLink_triggers_a_full_resync_without_processing_anything_twice()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        var request = bed.Graph.Deliver(Staff, InboxSamples.Request.Subject, InboxSamples.Request.Body);
        await bed.NewSync().RunAsync(default);
        var first = (await bed.RecordAsync("graph", request))!.Value;
        Assert.Equal(TriageCategory.ToolRequest, first.Category);
        var staleLink = (await bed.State.GetAsync(GraphInboxSync.DeltaStateName, default))!.Value;

        // A person drags the triaged mail back into the Inbox, new mail arrives, and Graph forgets the sync state.
        bed.Graph.Message(request).Folder = "inbox";
        var breach = bed.Graph.Deliver(Staff, InboxSamples.Breach.Subject, InboxSamples.Breach.Body);
        bed.Graph.ExpireDeltaTokens();

        var report = await bed.NewSync().RunAsync(default);

        Assert.True(report!.Resynced);
        Assert.Equal(2, report.Seen);       // the full round lists both
        Assert.Equal(1, report.Processed);  // only the new one is triaged
        var breachRecord = (await bed.RecordAsync("graph", breach))!.Value;
        Assert.Equal(TriageCategory.Breach, breachRecord.Category);
        // The stored record keeps the redacted example a correction would be trained on, not the mail.
        Assert.Contains("pasted pupil names", breachRecord.Example!.NewText);
        Assert.Equal(Staff[(Staff.IndexOf('@') + 1)..], breachRecord.Example.SenderDomain); // the domain, not the address
        var after = (await bed.RecordAsync("graph", request))!.Value;
        Assert.Equal(first.DraftReference, after.DraftReference); // no second draft request, no second reference
        Assert.Equal(0, bed.Graph.Message(request).MoveCount - 1); // moved once, in the first round only
        var rows = await bed.OutboxRowsAsync();
        Assert.Single(rows, r => r.Job.Kind == MailKind.Acknowledgement);
        Assert.Single(rows, r => r.Job.Kind == MailKind.IncidentAlert);
        Assert.Equal(2, bed.Notifier.Calls.Count);
        var newLink = (await bed.State.GetAsync(GraphInboxSync.DeltaStateName, default))!.Value;
        Assert.NotEqual(staleLink, newLink);
        Assert.Contains(bed.Graph.Requests, r => r.PathAndQuery.Contains("$filter=receivedDateTime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mail_failing_mid_batch_holds_no_other_loses_nothing_repeats_nothing_and_does_not_advance_the_deltaLink()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        bed.Graph.DeltaPageSize = 2;
        var early = bed.Graph.Deliver(Staff, "Which tools are approved?", "Which AI tools are approved for staff?");
        await bed.NewSync().RunAsync(default);
        var savedLink = (await bed.State.GetAsync(GraphInboxSync.DeltaStateName, default))!.Value;

        var ids = new List<string>
        {
            bed.Graph.Deliver(Staff, InboxSamples.Breach.Subject, InboxSamples.Breach.Body),
            bed.Graph.Deliver(Staff, InboxSamples.Request.Subject, InboxSamples.Request.Body),
            bed.Graph.Deliver("parent@home.example", InboxSamples.Complaint.Subject, InboxSamples.Complaint.Body, InboxSamples.DmarcPass),
            bed.Graph.Deliver(Staff, "Breach: sent to the wrong parent", "I sent it to the wrong parent, the report had pupil names and a UPN."),
        };
        // Moving the third message fails: after its alerts/draft/acknowledgement are recorded.
        var failed = false;
        bed.Graph.Faults = call =>
        {
            if (call is { Step: FakeStep.Move } && call.Target == ids[2] && !failed) { failed = true; return new Fault(500); }
            return null;
        };
        var first = await bed.NewSync().RunAsync(default);

        Assert.NotNull(first);
        Assert.Equal(1, first.Deferred);
        Assert.False(first.DeltaSaved);
        Assert.Equal(savedLink, (await bed.State.GetAsync(GraphInboxSync.DeltaStateName, default))!.Value);
        Assert.Equal(TriageRecordState.Done, (await bed.RecordAsync("graph", ids[0]))!.Value.State);
        Assert.Equal(TriageRecordState.Acted, (await bed.RecordAsync("graph", ids[2]))!.Value.State);
        // The breach behind the failing mail did not wait for it (before: the round stopped at the failure).
        Assert.Equal(TriageRecordState.Done, (await bed.RecordAsync("graph", ids[3]))!.Value.State);

        var report = await bed.NewSync().RunAsync(default); // the next round

        Assert.NotNull(report);
        Assert.True(report.DeltaSaved);
        Assert.NotEqual(savedLink, (await bed.State.GetAsync(GraphInboxSync.DeltaStateName, default))!.Value);
        foreach (var id in ids.Append(early))
        {
            Assert.Equal(TriageRecordState.Done, (await bed.RecordAsync("graph", id))!.Value.State);
            Assert.Equal(1, bed.Graph.Message(id).MoveCount);
        }
        Assert.Empty(bed.Graph.Inbox());
        var rows = await bed.OutboxRowsAsync();
        Assert.Equal(rows.Count, rows.Select(r => r.Job.JobId).Distinct().Count());
        Assert.Equal(2, rows.Count(r => r.Job.Kind == MailKind.IncidentAlert));      // two breaches, one alert each
        var cases = new List<AiPolicyBot.Incidents.IncidentCase>();
        await foreach (var c in bed.Incidents.ListAsync(default)) cases.Add(c);
        Assert.Equal(2, cases.Count);                                                 // …and one case each, despite the crash
        Assert.All(cases, c => Assert.Equal(AiPolicyBot.Incidents.IncidentSource.BreachMail, c.Source));
        Assert.All(cases, c => Assert.Equal(c.OpenedAt.AddHours(72), c.DueAt));
        Assert.Equal(2, bed.IncidentNotices.Calls.Count);                              // the DPO told once per case
        Assert.DoesNotContain(cases.SelectMany(c => c.Facts), f => f.Value.Contains("wrong parent", StringComparison.OrdinalIgnoreCase));
        Assert.Single(rows, r => r.Job.Kind == MailKind.ComplaintForward);
        Assert.Equal(2, rows.Count(r => r.Job.Kind == MailKind.Acknowledgement));    // tool request + complaint
        Assert.Equal(5, bed.Notifier.Calls.Count);                                    // one triage card per mail
        Assert.Equal(5, bed.Notifier.Calls.Select(c => c.Record.Key).Distinct().Count());
        var draft = (await bed.RecordAsync("graph", ids[1]))!.Value.DraftReference;
        var drafts = await bed.Mail.Requests.ListByRequesterAsync("mail:" + Staff, default);
        Assert.Equal(draft, Assert.Single(drafts).Value.Reference); // one draft request, created once
        Assert.Equal(5, bed.Classifications); // each mail classified once: the resumed one was not classified again
    }

    [Fact]
    public async Task A_mail_that_overruns_its_budget_or_keeps_failing_is_set_aside_with_an_alert_while_the_rest_are_triaged()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        bed.Options.MailBudget = TimeSpan.FromSeconds(5);
        var good = bed.Graph.Deliver(Staff, InboxSamples.Request.Subject, InboxSamples.Request.Body);
        var slow = bed.Graph.Deliver(Staff, "Notes", "Which AI tools may I use for lesson plans?");
        var stuck = bed.Graph.Deliver(Staff, "Which tools are approved?", "Which AI tools are approved for staff?");
        var breach = bed.Graph.Deliver(Staff, InboxSamples.Breach.Subject, InboxSamples.Breach.Body);
        bed.ClassifyDelay = n => n == 2 ? TimeSpan.FromSeconds(60) : TimeSpan.Zero; // the second mail overruns
        bed.Graph.Faults = call => call is { Step: FakeStep.Move } && call.Target == stuck ? new Fault(500) : null; // never moves

        var started = DateTimeOffset.UtcNow;
        var first = await bed.NewSync().RunAsync(default);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(40), "the round waited for the slow mail");
        Assert.NotNull(first);
        Assert.Equal((2, 1, false), (first.Processed, first.Deferred, first.DeltaSaved));
        Assert.Equal(TriageRecordState.Done, (await bed.RecordAsync("graph", good))!.Value.State);
        Assert.Equal(TriageRecordState.Done, (await bed.RecordAsync("graph", breach))!.Value.State);
        Assert.Contains(await bed.OutboxRowsAsync(), r => r.Job.Kind == MailKind.IncidentAlert);
        var poison = (await bed.RecordAsync("graph", slow))!.Value;
        Assert.Equal((TriageRecordState.Failed, TriageCategory.NeedsHuman), (poison.State, poison.Category));
        Assert.Contains(await bed.Mail.Alerts.ListAsync(default), a => a.Kind == "TriageFailed" && a.Id == $"triage-failed|{poison.Key[..32]}");
        Assert.Contains(bed.Graph.Inbox(), m => m.Id == slow); // left for a person

        // The stuck mail is tried once a round, the others cost nothing, until its last attempt sets it aside.
        var rounds = 1;
        for (var report = first; !report!.DeltaSaved; rounds++)
        {
            Assert.True(rounds < 10, "the stuck mail was never set aside");
            report = await bed.NewSync().RunAsync(default);
        }
        Assert.Equal(TriageProcessor.MaxAttempts + 1, rounds);
        Assert.Equal(TriageRecordState.Failed, (await bed.RecordAsync("graph", stuck))!.Value.State);
        Assert.Equal(2, (await bed.Mail.Alerts.ListAsync(default)).Count(a => a.Kind == "TriageFailed"));
        Assert.Equal(4, bed.Classifications);
        Assert.Single(await bed.OutboxRowsAsync(), r => r.Job.Kind == MailKind.IncidentAlert);
    }

    [Fact]
    public async Task Triaged_mail_gets_a_category_an_extended_property_and_a_folder_per_category_created_once()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        var breach1 = bed.Graph.Deliver(Staff, InboxSamples.Breach.Subject, InboxSamples.Breach.Body);
        var breach2 = bed.Graph.Deliver(Staff, "Data breach - deepfake of a pupil", "A deepfake image of a pupil is circulating; I think it was made with an AI app.");
        var marketing = bed.Graph.Deliver("news@vendor.example", InboxSamples.Marketing.Subject, InboxSamples.Marketing.Body, InboxSamples.Bulk);

        await bed.NewSync().RunAsync(default);

        foreach (var id in new[] { breach1, breach2 })
        {
            var m = bed.Graph.Message(id);
            Assert.Equal(["AIP: breach"], m.Categories);
            Assert.Equal("breach", m.Properties[GraphTriageMarker.CategoryProperty]);
            Assert.Equal("AIP breach", m.Folder);
        }
        Assert.Equal(["AIP: marketing"], bed.Graph.Message(marketing).Categories);
        Assert.Equal("AIP marketing", bed.Graph.Message(marketing).Folder);
        Assert.Equal(2, bed.Graph.MailFolders().Count); // "AIP breach" created once, then found
        Assert.Equal(2, bed.Graph.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/mailFolders", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Breach_alert_and_acknowledgement_are_sent_through_the_outbox_to_the_right_people()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        bed.Graph.Deliver(Staff, InboxSamples.Breach.Subject, InboxSamples.Breach.Body, fromName: "Sam Teacher");
        var request = bed.Graph.Deliver(Staff, InboxSamples.Request.Subject, InboxSamples.Request.Body);
        await bed.NewSync().RunAsync(default);

        await bed.DrainOutboxAsync();

        var sends = bed.Graph.Sends;
        var alert = Assert.Single(sends, s => s.To.Contains(InboxTestBed.Dpo));
        Assert.Matches("^URGENT (data breach reported|possible data breach, unsure, please check): ", alert.Subject);
        Assert.DoesNotContain("SEN notes", alert.Body); // the body of the original is never copied
        var draft = (await bed.RecordAsync("graph", request))!.Value.DraftReference!;
        var ack = Assert.Single(sends, s => s.To.Contains(Staff));
        Assert.Contains($"[{draft}]", ack.Subject);
        Assert.Contains("Teams", ack.Body);
        Assert.True(ack.Headers.ContainsKey(MailMessage.JobIdHeader));
        var stored = await bed.Mail.Requests.GetAsync(draft, default);
        Assert.Equal(RequestState.Draft, stored!.Value.State);
        Assert.Equal("Padlet", stored.Value.Intake.ToolName);
        Assert.Equal("mail", stored.Value.Source);
    }

    [Fact]
    public async Task A_spoofed_sender_gets_no_acknowledgement_no_request_number_and_no_draft()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        // A forged From address: outside the Trust, and Exchange's checks failed (or there are none).
        var request = bed.Graph.Deliver("victim@home.example", InboxSamples.Request.Subject, InboxSamples.Request.Body,
            new Dictionary<string, string> { ["Authentication-Results"] = "spf=fail smtp.mailfrom=home.example; dkim=none; dmarc=fail header.from=home.example" });
        var complaint = bed.Graph.Deliver("victim2@home.example", InboxSamples.Complaint.Subject, InboxSamples.Complaint.Body);

        await bed.NewSync().RunAsync(default);
        await bed.DrainOutboxAsync();

        var held = (await bed.RecordAsync("graph", request))!.Value;
        Assert.Equal(TriageCategory.ToolRequest, held.Category);
        Assert.Null(held.DraftReference);
        Assert.Empty(await bed.Mail.Requests.ListByRequesterAsync("mail:victim@home.example", default));
        Assert.DoesNotContain(await bed.OutboxRowsAsync(), r => r.Job.Kind == MailKind.Acknowledgement);
        // Nothing answered the forged addresses; the complaint still reached the complaints lead, inside the Trust.
        Assert.DoesNotContain(bed.Graph.Sends, s => s.To.Any(t => t.EndsWith("@home.example", StringComparison.Ordinal)));
        Assert.Contains(bed.Graph.Sends, s => s.To.Contains(InboxTestBed.Complaints));
        Assert.Equal(TriageCategory.Complaint, (await bed.RecordAsync("graph", complaint))!.Value.Category);
        // No request number was spent: the next one is still the first of the year.
        Assert.EndsWith("-0001", await bed.Mail.Requests.NextReferenceAsync(DateTimeOffset.UtcNow.Year, default));

        // A person confirms the card, vouching for the sender: the held acknowledgement and draft follow, once.
        var vouched = TriageActionPlanner.Plan(TriageCategory.ToolRequest, new MailToTriage(held.FromAddress, null, held.Subject, ""), bed.Options,
            senderVouchedFor: true);
        var release = new AiPolicyBot.Application.Triage.TriageRelease(bed.Actions);
        var stored = (await bed.RecordAsync("graph", request))!;
        var released = await release.ReleaseAsync(stored, vouched, default);
        await release.ReleaseAsync(released, vouched, default);
        var draft = await bed.Mail.Requests.GetAsync(released.Value.DraftReference!, default);
        Assert.Equal(RequestState.Draft, draft!.Value.State);
        Assert.Single(await bed.OutboxRowsAsync(), r => r.Job.Kind == MailKind.Acknowledgement);
    }

    [Fact]
    public async Task No_reply_ever_goes_to_auto_replies_our_own_mail_or_marketing()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        bed.Graph.Deliver(Staff, "Automatic reply: " + InboxSamples.Request.Subject, InboxSamples.Request.Body,
            new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" });
        bed.Graph.Deliver("alerts@vendor.example", InboxSamples.Complaint.Subject, InboxSamples.Complaint.Body,
            new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" });
        bed.Graph.Deliver(MailTestBed.Mailbox, "[AIP-2026-0001] We received your AI tool request", "Can we use Padlet? Your draft request is open.",
            new Dictionary<string, string> { [MailMessage.JobIdHeader] = "triage-x-ack" });
        bed.Graph.Deliver("news@vendor.example", "Can we use our new AI trial? Free licence for schools", InboxSamples.Marketing.Body, InboxSamples.Bulk);
        bed.Graph.Deliver("noreply@vendor.example", InboxSamples.Complaint.Subject, InboxSamples.Complaint.Body);

        await bed.NewSync().RunAsync(default);
        await bed.DrainOutboxAsync();

        var rows = await bed.OutboxRowsAsync();
        Assert.DoesNotContain(rows, r => r.Job.Kind == MailKind.Acknowledgement);
        Assert.DoesNotContain(bed.Graph.Sends, s => s.To.Any(t => t != InboxTestBed.Complaints && t != InboxTestBed.Dpo));
        Assert.Empty(bed.Graph.Inbox());
    }

    [Fact]
    public async Task The_subscription_is_created_renewed_and_recreated_when_lost_or_the_clientState_rotates()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();

        var id = await bed.Subscriptions.EnsureAsync(recreate: false, default);

        var created = Assert.Single(bed.Graph.Subscriptions());
        Assert.Equal(id, created.Key);
        Assert.Equal(bed.GraphOptions.ClientState, created.Value.GetProperty("clientState").GetString());
        Assert.Equal(bed.GraphOptions.NotificationUrl, created.Value.GetProperty("lifecycleNotificationUrl").GetString());
        Assert.Equal("users/information.assurance@trust.example/mailFolders('inbox')/messages", created.Value.GetProperty("resource").GetString());
        Assert.Contains(bed.Graph.Requests, r => r.PathAndQuery == "/v1.0/subscriptions" && r.Prefer.Contains("ImmutableId"));
        var row = (await bed.State.GetAsync(GraphSubscriptionManager.StateName, default))!.Value;
        Assert.DoesNotContain(bed.GraphOptions.ClientState!, row); // only a hash of the secret is stored

        Assert.Equal(id, await bed.Subscriptions.EnsureAsync(recreate: false, default)); // fresh: nothing to do
        Assert.Single(bed.Graph.Subscriptions());

        // Graph removed it (lifecycle subscriptionRemoved): the doorbell asks for a new one.
        bed.Graph.DropSubscription(id!);
        var recreated = await bed.Subscriptions.EnsureAsync(recreate: true, default);
        Assert.NotEqual(id, recreated);
        Assert.Equal(recreated, Assert.Single(bed.Graph.Subscriptions()).Key);

        // The clientState was rotated: PATCH cannot change it, so the old subscription is replaced.
        bed.GraphOptions.ClientState = "rotated-client-state-abcdef0123456789";
        var rotated = await bed.Subscriptions.EnsureAsync(recreate: false, default);
        Assert.NotEqual(recreated, rotated);
        var only = Assert.Single(bed.Graph.Subscriptions());
        Assert.Equal("rotated-client-state-abcdef0123456789", only.Value.GetProperty("clientState").GetString());
    }

    [Fact]
    public async Task Concurrent_runs_in_one_process_are_single_flight()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        for (var i = 0; i < 5; i++) bed.Graph.Deliver(Staff, $"Which tools are approved? ({i})", "Which AI tools are approved?");
        var sync = bed.NewSync();

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sync.RunAsync(default)));

        Assert.Equal(5, reports.Where(r => r is not null).Sum(r => r!.Processed));
        Assert.Equal(5, bed.Notifier.Calls.Count);
    }

    [Fact]
    public async Task A_run_asked_for_while_a_round_is_past_its_last_delta_page_still_triages_the_new_mail()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        var first = bed.Graph.Deliver(Staff, "Which tools are approved? (1)", "Which AI tools are approved?");
        var sync = bed.NewSync();
        // Hold the round while it fetches the first mail: its only delta page has been read by then.
        using var pastDelta = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        bed.Graph.Faults = call =>
        {
            if (call is { Step: FakeStep.GetMessage } && call.Target == first && !pastDelta.IsSet)
            {
                pastDelta.Set();
                release.Wait(TimeSpan.FromSeconds(60));
            }
            return null;
        };

        var running = Task.Run(() => sync.RunAsync(default));
        Assert.True(pastDelta.Wait(TimeSpan.FromSeconds(60)), "the first round never fetched the mail");
        var second = bed.Graph.Deliver(Staff, "Which tools are approved? (2)", "Which AI tools are approved?");
        var doorbell = Task.Run(() => sync.RunAsync(default)); // the webhook rings for the second mail
        await Task.Delay(200);                                  // let it reach the running round (it must not give up)
        release.Set();
        var reports = await Task.WhenAll(running, doorbell).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, reports[0]!.Processed);
        Assert.NotNull(reports[1]);                             // it ran a round of its own after the first one
        Assert.Equal(1, reports[1]!.Processed);
        Assert.Equal(TriageRecordState.Done, (await bed.RecordAsync("graph", second))!.Value.State);
        Assert.NotEqual("inbox", bed.Graph.Message(second).Folder);
        Assert.Equal(2, bed.Notifier.Calls.Count);
    }

    [Fact]
    public async Task Runs_asked_for_during_a_round_share_one_more_round()
    {
        await using var bed = await InboxTestBed.WithGraphAsync();
        bed.Graph.Deliver(Staff, "Which tools are approved?", "Which AI tools are approved?");
        var sync = bed.NewSync();
        using var pastDelta = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        bed.Graph.Faults = call =>
        {
            if (call.Step == FakeStep.GetMessage && !pastDelta.IsSet)
            {
                pastDelta.Set();
                release.Wait(TimeSpan.FromSeconds(60));
            }
            return null;
        };

        var running = Task.Run(() => sync.RunAsync(default));
        Assert.True(pastDelta.Wait(TimeSpan.FromSeconds(60)), "the first round never fetched the mail");
        var waiting = Enumerable.Range(0, 3).Select(_ => Task.Run(() => sync.RunAsync(default))).ToList();
        await Task.Delay(200);
        var deltaCallsBefore = bed.Graph.DeltaCalls;
        release.Set();
        var results = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(60));
        await running;

        Assert.Equal(1, deltaCallsBefore);
        Assert.Equal(2, bed.Graph.DeltaCalls);                   // one trailing round for the three, not three
        Assert.Single(results, r => r is not null);
        Assert.Single(bed.Notifier.Calls);
    }
}
