using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Incidents;
using AiPolicyBot.Infrastructure.Incidents;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Tests.Mail.Inbox;
using AiPolicyBot.Infrastructure.Tests.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Infrastructure.Tests.Incidents;

/// <summary>Incident cases on Azurite: one case per cause, the DPO's steps under ETags and audited, reminders once.</summary>
public sealed class IncidentCasesTests() : TestTables("inc")
{
    private const string Dpo = "dpo-oid";
    private const string Ia = "ia-oid";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ManualClock _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingIncidentNotices _notices = new();
    private readonly List<OutboxJob> _jobs = [];

    private TableIncidentStore Store => new(Tables, new TableReferenceCounter(Tables));
    private TableAuditLog Audit => new(Tables, _time);

    private IncidentCases Cases() => new(Store, Audit, new FixedDirectory(Dpo, Ia), _notices,
        new TableIdempotencyStore(Tables, _time), _time, NullLogger<IncidentCases>.Instance);

    private static IncidentOpening Opening(string key) => new(key, IncidentSource.ChatConcern, IncidentSeverity.Low,
        new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), [new("Raised", "in chat")], "staff-oid");

    [Fact]
    public async Task The_same_cause_opened_concurrently_is_one_case_with_one_audit_row_and_one_notice()
    {
        var cases = Cases();
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => cases.OpenAsync(Opening("chat:c1|m1"), Ct))));

        Assert.Single(opened.Select(c => c.Id).Distinct());
        Assert.Matches("^INC-2026-\\d{4}$", opened[0].Id);
        Assert.Equal(opened[0].OpenedAt.AddHours(72), opened[0].DueAt);
        Assert.Single(await Audit.ReadAsync(opened[0].Id, Ct));
        Assert.Single(_notices.Calls); // the DPO only; the overseer is not notified
        Assert.Equal(Dpo, _notices.Calls.Single().UserId);
        var other = await cases.OpenAsync(Opening("chat:c1|m2"), Ct);
        Assert.NotEqual(opened[0].Id, other.Id);
    }

    [Fact]
    public async Task The_DPO_decides_with_a_reason_then_closes_and_every_step_is_audited()
    {
        var cases = Cases();
        var c = await cases.OpenAsync(Opening("chat:c2|m1"), Ct);
        var dpo = new IncidentActor(Dpo, "Dana DPO");
        var ia = new IncidentActor(Ia, "Ian IA");

        var early = await cases.ExecuteAsync(c.Id, new CloseIncidentCommand(dpo, null), Ct);
        Assert.Equal(IncidentCommandStatus.Invalid, early.Result!.Status); // no closing before the decision
        var byIa = await cases.ExecuteAsync(c.Id, new DecideIncidentCommand(ia, false, "not personal data"), Ct);
        Assert.Equal(IncidentCommandStatus.NotAllowed, byIa.Result!.Status);
        var noReason = await cases.ExecuteAsync(c.Id, new DecideIncidentCommand(dpo, false, "  "), Ct);
        Assert.Equal("reason", noReason.Result!.Field);

        _time.Advance(TimeSpan.FromHours(5));
        var decided = await cases.ExecuteAsync(c.Id, new DecideIncidentCommand(dpo, false, "Names only, deleted by the vendor on request"), Ct);
        Assert.Equal(IncidentCommandStatus.Applied, decided.Result!.Status);
        Assert.Equal(5.0, decided.Case!.Value.HoursToDecision);
        await cases.ExecuteAsync(c.Id, new AddIncidentActionCommand(ia, "Asked the vendor to delete the conversation"), Ct);
        var closed = await cases.ExecuteAsync(c.Id, new CloseIncidentCommand(dpo, "Done"), Ct);

        Assert.Equal(IncidentState.Closed, closed.Case!.Value.State);
        var stored = (await Store.GetAsync(c.Id, Ct))!.Value;
        Assert.False(stored.Decision!.ReportableToIco);
        Assert.Single(stored.Actions);
        var audit = await Audit.ReadAsync(c.Id, Ct);
        Assert.Equal(["incident-opened", "incident-decided", "incident-action", "incident-closed"], audit.Select(a => a.Kind));
        Assert.DoesNotContain(audit, a => a.Data?.Contains("vendor", StringComparison.Ordinal) == true); // reasons stay on the case
        Assert.True((await Audit.VerifyAsync(c.Id, Ct)).IsIntact);
        var again = await cases.ExecuteAsync(c.Id, new AddIncidentActionCommand(dpo, "late"), Ct);
        Assert.Equal(IncidentCommandStatus.Invalid, again.Result!.Status); // nothing changes a closed case
    }

    [Fact]
    public async Task A_stale_version_is_refused_by_the_store()
    {
        var c = await Cases().OpenAsync(Opening("chat:c3|m1"), Ct);
        var read = (await Store.GetAsync(c.Id, Ct))!;
        await Store.UpdateAsync(read.Value with { Severity = IncidentSeverity.High }, read.Version, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateAsync(read.Value with { Severity = IncidentSeverity.Low }, read.Version, Ct));
    }

    [Fact]
    public async Task Reminders_go_at_24_and_48_hours_once_each_and_stop_after_the_decision()
    {
        var cases = Cases();
        var c = await cases.OpenAsync(Opening("chat:c4|m1"), Ct);
        var decidedCase = await cases.OpenAsync(Opening("chat:c4|m2"), Ct);
        await cases.ExecuteAsync(decidedCase.Id, new DecideIncidentCommand(new IncidentActor(Dpo, "Dana"), true, "Reportable"), Ct);
        var reminders = new IncidentReminders(Store, new ListOutbox(_jobs), _notices, new TableIdempotencyStore(Tables, _time),
            new FixedDirectory(Dpo), Audit, _time, NullLogger<IncidentReminders>.Instance);

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await reminders.RunAsync(Ct));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await reminders.RunAsync(Ct));
        Assert.Equal(0, await reminders.RunAsync(Ct)); // the timer again: nothing new
        _time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await reminders.RunAsync(Ct));

        Assert.Equal([$"{c.Id}-remind-24", $"{c.Id}-remind-48"], _jobs.Select(j => j.JobId));
        Assert.All(_jobs, j => Assert.Equal(MailKind.IncidentReminder, j.Kind));
        Assert.Equal([24, 48], _notices.Calls.Where(n => n.Hours > 0).Select(n => n.Hours));
        Assert.Equal([24, 48], (await Store.GetAsync(c.Id, Ct))!.Value.RemindersSent);
        var mail = IncidentMailComposer.Reminder(_jobs[1].JobId, (await Store.GetAsync(c.Id, Ct))!.Value, 48, "dpo@trust.example", _time.GetUtcNow());
        Assert.Contains("23 hours are left", mail.TextBody);
    }

    private sealed class ListOutbox(List<OutboxJob> jobs) : IOutbox
    {
        public Task EnsureAsync(OutboxJob job, CancellationToken ct)
        {
            if (!jobs.Any(j => j.JobId == job.JobId)) jobs.Add(job);
            return Task.CompletedTask;
        }
    }
}
