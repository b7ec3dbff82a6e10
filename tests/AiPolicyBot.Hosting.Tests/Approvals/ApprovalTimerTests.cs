using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Approvals;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Testing.Approvals;
using AiPolicyBot.Testing.Messaging;
using AiPolicyBot.Testing.Stores;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests.Approvals;

public class ApprovalTimerTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 27, 6, 15, 0, TimeSpan.Zero);

    private sealed class Rig
    {
        public MemoryRegisterStore Register { get; } = new();
        public RecordingMessenger Messenger { get; } = new();
        public MemoryAuditLog Audit { get; } = new();
        public CountingRegisterListener Listener { get; } = new();
        public ManualClock Time { get; } = new(Today);
        public RegisterReview Job { get; }

        public Rig() => Job = new RegisterReview(Register, new FixedDirectorySource(Directory()), new ChatApprovalNotices(Messenger), new MemoryIdempotency(), Audit,
            Listener, Options.Create(new ApprovalOptions()), Time, NullLogger<RegisterReview>.Instance);

        public Task Add(string id, int daysToReview, RegisterStatus status = RegisterStatus.Approved) => Register.AddAsync(new RegisterEntry
        {
            Id = id,
            Name = id,
            Status = status,
            ReviewBy = DateOnly.FromDateTime(Today.UtcDateTime).AddDays(daysToReview),
        }, default);
    }

    [Fact]
    public async Task Review_notices_go_out_30_and_7_days_before_once_each_and_lapsed_entries_become_under_review()
    {
        var rig = new Rig();
        await rig.Add("in-30", 30);
        await rig.Add("in-7", 7);
        await rig.Add("in-60", 60);
        await rig.Add("lapsed", 0);
        await rig.Add("declined-lapsed", -5, RegisterStatus.Declined);
        await rig.Job.RunAsync(default);

        var noticed = rig.Messenger.Texts.Select(t => (t.UserId, Tool: t.Text.Split("**Review due:** ")[1].Split(' ')[0])).ToList();
        Assert.Equal([(Cio, "in-30"), (CioDeputy, "in-30"), (Cio, "in-7"), (CioDeputy, "in-7")], noticed);
        Assert.Equal(RegisterStatus.UnderReview, rig.Register.Entries["lapsed"].Value.Status);
        Assert.Equal(RegisterStatus.Declined, rig.Register.Entries["declined-lapsed"].Value.Status);
        Assert.Equal(1, rig.Listener.Calls);
        Assert.Equal("register.reviewLapsed", Assert.Single(rig.Audit.Entries).Kind);

        // The same day again: nothing new. 23 days later the 30-day entry reaches its 7-day notice.
        await rig.Job.RunAsync(default);
        Assert.Equal(4, rig.Messenger.Texts.Count);
        rig.Time.Now = Today.AddDays(23);
        await rig.Job.RunAsync(default);
        Assert.Equal(6, rig.Messenger.Texts.Count);
        Assert.All(rig.Messenger.Texts.Skip(4), t => Assert.Contains("in-30", t.Text, StringComparison.Ordinal));
        Assert.Equal(RegisterStatus.UnderReview, rig.Register.Entries["in-7"].Value.Status);
    }

    [Fact]
    public async Task Deadlines_job_reminds_after_the_reminder_days_and_expires_after_the_expiry_days()
    {
        var requests = new MemoryRequestStore();
        var decisions = new MemoryDecisionLog();
        var audit = new MemoryAuditLog();
        var time = new ManualClock(Submitted.AddDays(1));
        var events = new InlinePublisher(requests);
        var workflow = new ApprovalWorkflow(requests, decisions, decisions, audit, new FixedDirectorySource(Directory()), events, time);
        var job = new ApprovalDeadlines(requests, workflow, Options.Create(new ApprovalOptions { ReminderDays = 2, ExpiryDays = 5 }),
            NullLogger<ApprovalDeadlines>.Instance);
        await requests.CreateAsync(TrustRequest("AIP-2026-0001"), default);
        await requests.CreateAsync(AcademyRequest("AIP-2026-0002") with { State = RequestState.Approved, PendingRoles = [] }, default);

        await job.RunAsync(default);
        Assert.Empty(events.Published);
        time.Now = Submitted.AddDays(2);
        await job.RunAsync(default);
        await job.RunAsync(default);
        Assert.Equal([RequestEventKind.ReminderDue], events.Published.Select(e => e.Kind));
        time.Now = Submitted.AddDays(5);
        await job.RunAsync(default);
        Assert.Equal(RequestState.Expired, requests["AIP-2026-0001"].State);
        Assert.Equal(RequestState.Approved, requests["AIP-2026-0002"].State);
        Assert.Equal([RequestEventKind.ReminderDue, RequestEventKind.Expired], events.Published.Select(e => e.Kind));
        Assert.Contains("AIP-2026-0001-decision", decisions.Outbox.Keys);
    }
}
