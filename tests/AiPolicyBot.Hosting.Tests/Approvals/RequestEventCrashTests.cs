using AiPolicyBot.Academies;
using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.LocalHost.Pumps;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Testing.Approvals;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Messaging;
using AiPolicyBot.Testing.Stores;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests.Approvals;

/// <summary>
/// A decision that makes a request final, with the worker "crashing" (an exception that stops everything after it)
/// before each step in turn, the click's (store the request and its event, publish the event) and then its
/// follow-up's (decision row, audit entry, decision-mail job), the queue losing or doubling the event, or the consumer
/// dying after its handlers: after the relay and the queue have run (and the approver clicks again) there is exactly one decision
/// row, one audit entry, one decision-mail job, one requester message and one handled event. Real tables and queues
/// (Azurite); the Teams side records instead of posting.
/// </summary>
public sealed class RequestEventCrashTests : IAsyncLifetime
{
    private const string Reference = "AIP-2026-0042";
    /// <summary>The click's two steps, then its follow-up's, in the order they run.</summary>
    private static readonly string[] Steps = ["store request and event", "publish event", "decision row", "audit entry", "decision mail job"];
    private const int FirstFollowUpStep = 2;

    private readonly StorageOptions _options = new() { ConnectionString = TestStorage.ConnectionString, TablePrefix = "crash" + Guid.NewGuid().ToString("N")[..8] };
    private readonly string _eventQueue = TestStorage.UniqueQueue("crash-events");
    private readonly TableClients _tables;
    private readonly MailStorage _mail;
    private readonly QueueServiceClient _queues = new(TestStorage.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly RecordingMessenger _messenger = new();
    private readonly List<string> _consumed = [];

    public RequestEventCrashTests()
    {
        _tables = new TableClients(_options);
        _mail = new MailStorage(new TableServiceClient(TestStorage.ConnectionString), _queues, _options, TestStorage.UniqueQueue("crash-outbox"));
    }

    public Task InitializeAsync() => _tables.EnsureCreatedAsync(default);

    public async Task DisposeAsync()
    {
        foreach (var table in _tables.All) await table.DeleteAsync();
        await TestStorage.DeleteAsync(_mail);
        await _queues.GetQueueClient(_eventQueue).DeleteIfExistsAsync();
        await _queues.GetQueueClient(_eventQueue + "-poison").DeleteIfExistsAsync();
    }

    public static TheoryData<string> Faults()
    {
        var data = new TheoryData<string>();
        foreach (var step in Steps) data.Add("crash before " + step);
        foreach (var fault in new[] { "no fault", "queue loses the event", "queue delivers the event twice", "consumer dies after its handlers" }) data.Add(fault);
        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_final_decision_is_followed_up_exactly_once_whatever_step_fails(string fault)
    {
        var crash = new Crash(fault.StartsWith("crash before ", StringComparison.Ordinal) ? Array.IndexOf(Steps, fault["crash before ".Length..]) : -1);
        var requests = new TableRequestStore(_tables, new TableReferenceCounter(_tables));
        var decisions = new TableDecisionLog(_mail, new OutboxQueue(_mail, NullLogger<OutboxQueue>.Instance), TimeProvider.System);
        var outbox = new TableOutbox(_mail, new OutboxQueue(_mail, NullLogger<OutboxQueue>.Instance), TimeProvider.System);
        var audit = new TableAuditLog(_tables, TimeProvider.System);
        var publisher = new QueueRequestEventPublisher(_queues, _eventQueue);
        var events = new TableRequestEventLog(_tables, TimeProvider.System);
        await requests.CreateAsync(TrustRequest(Reference), default);

        // The first click, with the fault.
        var faulty = new ApprovalWorkflow(new CrashingRequests(requests, crash), new CrashingDecisions(decisions, crash), new CrashingOutbox(outbox, crash),
            new CrashingAudit(audit, crash), new FixedDirectorySource(Directory()), new FaultyPublisher(publisher, crash, fault), TimeProvider.System);
        var first = await Record.ExceptionAsync(() => faulty.ExecuteAsync(Reference, Reject(), default));
        var inFollowUp = crash.Before >= FirstFollowUpStep;
        Assert.True(crash.Fired == (crash.Before >= 0 && !inFollowUp), $"{fault}: the crash {(crash.Fired ? "fired" : "did not fire")} in the click");
        if (first is not null) Assert.IsType<CrashException>(first);

        // Recovery without anyone clicking: the relay re-sends what is pending, the queue is drained (a follow-up
        // that crashed is retried: its message comes back).
        var dies = fault == "consumer dies after its handlers";
        var consumer = Consumer(requests, new CrashingDecisions(decisions, crash), new CrashingOutbox(outbox, crash), new CrashingAudit(audit, crash), events, dieOnce: dies);
        await RecoverAsync(events, publisher, consumer);
        Assert.True(crash.Fired == (crash.Before >= 0), $"{fault}: the crash {(crash.Fired ? "fired" : "did not fire")}");
        var committed = crash.Before != 0;
        // Two first deliveries of the click's message both skip the outbox-row read (it carries the row's version), so the
        // second runs the idempotent handlers again and learns the row is finished only when marking it: every side
        // effect below is still counted once. A redelivery or a relay copy reads the row first and is dropped.
        var consumptions = dies || inFollowUp || fault == "queue delivers the event twice" ? 2 : 1;
        if (committed) await AssertFollowedUpOnceAsync(fault, decisions, audit, events, expectConsumed: consumptions);
        else Assert.Equal(RequestState.Pending, (await requests.GetAsync(Reference, default))!.Value.State);

        // The approver, seeing no change or the old card, clicks again: a repeat adds nothing; a lost first click applies now.
        var healthy = new ApprovalWorkflow(requests, decisions, outbox, audit, new FixedDirectorySource(Directory()), publisher, TimeProvider.System);
        var again = await healthy.ExecuteAsync(Reference, Reject(), default);
        Assert.Equal(committed ? TransitionStatus.Repeated : TransitionStatus.Applied, again.Status);
        await RecoverAsync(events, publisher, consumer);
        await AssertFollowedUpOnceAsync(fault, decisions, audit, events, expectConsumed: consumptions);
        var poison = _queues.GetQueueClient(_eventQueue + "-poison");
        Assert.False(await poison.ExistsAsync() && (await poison.PeekMessagesAsync(1)).Value.Length > 0, $"{fault}: an event was poisoned");
    }

    private static DecideCommand Reject() => new(Actor(Cio), DecisionKind.Reject, "Not safe enough.", []);

    private async Task AssertFollowedUpOnceAsync(string fault, IDecisionLog decisions, IAuditLog audit, TableRequestEventLog events, int expectConsumed)
    {
        var rows = await decisions.ListAsync(Reference, default);
        Assert.True(rows.Count == 1, $"{fault}: {rows.Count} decision rows");
        var entries = (await audit.ReadAsync(Reference, default)).Where(e => e.Kind == AuditKinds.For(DecisionKind.Reject)).ToList();
        Assert.True(entries.Count == 1, $"{fault}: {entries.Count} audit entries");
        Assert.True(await DecisionMailJobsAsync() == 1, $"{fault}: decision mail jobs");
        var told = _messenger.Texts.Count(t => t.UserId == Teacher);
        Assert.True(told == 1, $"{fault}: the requester was told {told} times");
        lock (_consumed) Assert.True(_consumed.Count == expectConsumed, $"{fault}: the event was consumed {_consumed.Count} times");
        var handled = await HandledEventsAsync(events);
        Assert.True(handled == 1, $"{fault}: {handled} events handled");
    }

    private async Task RecoverAsync(TableRequestEventLog events, IRequestEventPublisher publisher, IQueueJob consumer)
    {
        await new RequestEventRelay(events, publisher, TimeProvider.System, NullLogger<RequestEventRelay>.Instance).RunAsync(TimeSpan.Zero, default);
        var pump = QueuePump.Create(consumer, TestStorage.ConnectionString, _eventQueue,
            // One message at a time: copies arrive one after another, as a relayed copy does minutes later. (Copies handled at
            // the same moment may both run the handlers; each side effect is still claimed once, docs/conversation.md.)
            new QueuePumpOptions { VisibilityTimeout = TimeSpan.Zero, LeaseTimeout = TimeSpan.FromSeconds(30), BatchSize = 1 }, NullLogger.Instance);
        for (var round = 0; await pump.PumpOnceAsync(default) > 0; round++) Assert.True(round < 20, "the event queue did not drain");
    }

    private RequestEventsJob Consumer(IRequestStore requests, IDecisionLog decisions, IOutbox outbox, IAuditLog audit, TableRequestEventLog events, bool dieOnce)
    {
        var directory = new FixedDirectorySource(Directory());
        var academies = new AcademyOptions();
        var cards = new ApprovalCardService(new MemoryCardStore(), _messenger, new PrefixTeamsIds(),
            Mock.Of<IOptionsMonitor<AcademyOptions>>(m => m.CurrentValue == academies), NullLogger<ApprovalCardService>.Instance);
        var delivery = new ApprovalDelivery(cards, new MemoryDeliveryLog(), outbox, new MemoryAdminAlerts(), requests, directory,
            Options.Create(new ApprovalOptions()), TimeProvider.System, NullLogger<ApprovalDelivery>.Instance);
        var followUp = new ApprovalFollowUp(directory, cards, new ChatApprovalNotices(_messenger), delivery, new TableIdempotencyStore(_tables, TimeProvider.System),
            new RegisterRecorder(new MemoryRegisterStore(), new MemoryAuditLog(), TimeProvider.System), new CountingRegisterListener(),
            Options.Create(new ApprovalOptions()), Options.Create(new PolicyOptions { NextPolicyReviewDate = new DateOnly(2027, 7, 31) }),
            NullLogger<ApprovalFollowUp>.Instance);
        IRequestEventHandler[] handlers = [new DecisionRecorder(decisions, outbox, audit), followUp, new ConsumptionRecorder(_consumed, dieOnce)];
        return new RequestEventsJob(requests, handlers, events, NullLogger<RequestEventsJob>.Instance);
    }

    private async Task<int> DecisionMailJobsAsync()
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Reference}") + " and " + DecisionRows.PrefixFilter(DecisionRows.OutboxPrefix);
        await foreach (var e in _mail.Decisions.QueryAsync<TableEntity>(filter))
            if (DecisionRows.ToOutbox(e).Job.Kind == MailKind.Decision) count++;
        return count;
    }

    private async Task<int> HandledEventsAsync(TableRequestEventLog events)
    {
        var count = 0;
        await foreach (var e in _tables.Requests.QueryAsync<TableEntity>(RequestEventRows.AllFilter))
            if (RequestEventRows.ToRecord(e).State == RequestEventState.Handled) count++;
        Assert.Empty(await events.ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));
        return count;
    }

    /// <summary>The worker dies before step <see cref="Before"/> (0-based over <see cref="Steps"/>), once.</summary>
    private sealed class Crash(int before)
    {
        private int _steps;
        public int Before { get; } = before;
        public bool Fired { get; private set; }

        public async Task<T> StepAsync<T>(Func<Task<T>> step)
        {
            if (!Fired && _steps == Before)
            {
                Fired = true;
                throw new CrashException();
            }
            _steps++;
            return await step();
        }

        public Task StepAsync(Func<Task> step) => StepAsync(async () => { await step(); return true; });
    }

    private sealed class CrashException() : Exception("injected crash");

    private sealed class CrashingRequests(IRequestStore inner, Crash crash) : IRequestStore
    {
        public Task<Versioned<ToolRequest>?> GetAsync(string reference, CancellationToken ct) => inner.GetAsync(reference, ct);
        public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, CancellationToken ct) => inner.CreateAsync(request, ct);
        public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct) => inner.UpdateAsync(request, version, ct);
        public Task<CommittedChange> CreateAsync(ToolRequest request, RequestEvent followUp, CancellationToken ct) =>
            crash.StepAsync(() => inner.CreateAsync(request, followUp, ct));
        public Task<CommittedChange> UpdateAsync(ToolRequest request, string version, RequestEvent followUp, CancellationToken ct) =>
            crash.StepAsync(() => inner.UpdateAsync(request, version, followUp, ct));
        public Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct) => inner.ListByRequesterAsync(requesterId, ct);
        public Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct) => inner.ListOpenAsync(ct);
        public Task<IReadOnlyList<OpenRequest>> ListOpenSummariesAsync(CancellationToken ct) => inner.ListOpenSummariesAsync(ct);
        public Task<string> NextReferenceAsync(int year, CancellationToken ct) => inner.NextReferenceAsync(year, ct);
    }

    private sealed class CrashingDecisions(IDecisionLog inner, Crash crash) : IDecisionLog
    {
        public Task<bool> RecordAsync(string reference, ApprovalDecision decision, IReadOnlyList<OutboxJob> outbox, CancellationToken ct) =>
            crash.StepAsync(() => inner.RecordAsync(reference, decision, outbox, ct));
        public Task<IReadOnlyList<ApprovalDecision>> ListAsync(string reference, CancellationToken ct) => inner.ListAsync(reference, ct);
    }

    private sealed class CrashingAudit(IAuditLog inner, Crash crash) : IAuditLog
    {
        public Task<AuditEntry> AppendAsync(string stream, AuditEvent auditEvent, CancellationToken ct) => crash.StepAsync(() => inner.AppendAsync(stream, auditEvent, ct));
        public Task<AuditEntry?> AppendUnlessAsync(string stream, AuditEvent auditEvent, Func<AuditEntry, bool> alreadyThere, CancellationToken ct) =>
            crash.StepAsync(() => inner.AppendUnlessAsync(stream, auditEvent, alreadyThere, ct));
        public Task<IReadOnlyList<AuditEntry>> ReadAsync(string stream, CancellationToken ct) => inner.ReadAsync(stream, ct);
        public Task<AuditVerification> VerifyAsync(string stream, CancellationToken ct) => inner.VerifyAsync(stream, ct);
    }

    private sealed class CrashingOutbox(IOutbox inner, Crash crash) : IOutbox
    {
        public Task EnsureAsync(OutboxJob job, CancellationToken ct) => crash.StepAsync(() => inner.EnsureAsync(job, ct));
    }

    /// <summary>The queue step: a crash before it, a lost message (the publisher's queue fault, logged), or a double delivery.</summary>
    private sealed class FaultyPublisher(QueueRequestEventPublisher inner, Crash crash, string fault) : IRequestEventPublisher
    {
        public Task PublishAsync(RequestEvent e, string? outboxVersion, CancellationToken ct) => crash.StepAsync(async () =>
        {
            if (fault == "queue loses the event") return;
            await inner.SendAsync(e, outboxVersion, ct);
            if (fault == "queue delivers the event twice") await inner.SendAsync(e, outboxVersion, ct);
        });
    }

    /// <summary>Last handler: records each consumption of a Decided event; with <paramref name="dieOnce"/> the worker dies after the first.</summary>
    private sealed class ConsumptionRecorder(List<string> consumed, bool dieOnce) : IRequestEventHandler
    {
        private bool _died;

        public Task HandleAsync(RequestEvent e, Versioned<ToolRequest> stored, CancellationToken ct)
        {
            lock (consumed) consumed.Add(e.Id ?? "");
            if (dieOnce && !_died)
            {
                _died = true;
                throw new CrashException();
            }
            return Task.CompletedTask;
        }
    }
}
