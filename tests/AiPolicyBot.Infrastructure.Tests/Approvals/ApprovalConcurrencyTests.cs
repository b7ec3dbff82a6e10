using System.Collections.Concurrent;
using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Tests.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Infrastructure.Tests.Approvals;

/// <summary>
/// Many people clicking Approve and Reject on one request at the same moment, against Azurite: exactly one consistent
/// outcome, every accepted decision recorded once (decision rows = the request's decisions = audit entries), nothing
/// from people who may not decide, and an intact audit chain. Each published event's follow-up (the decision rows and
/// audit entries, <see cref="DecisionRecorder"/>) runs at once, in the clicker's task, so follow-ups race each other
/// and the repeated clicks that heal rows, as queue consumers on several instances would.
/// </summary>
public sealed class ApprovalConcurrencyTests() : TestTables("apprconc")
{
    private static readonly string[] People = [Cio, CioDeputy, Cdo, Dpo, ItLead, Stranger, Teacher, OakfieldLeader];
    private static readonly HashSet<string> MayDecide = [Cio, CioDeputy, Cdo, Dpo];

    [Theory]
    [InlineData(60, 0.0)]   // approvals only: must end approved by exactly one holder of each role
    [InlineData(60, 0.3)]   // mixed: usually rejected, always consistent
    [InlineData(80, 0.05)]
    public async Task Parallel_decisions_on_one_request_have_one_consistent_outcome(int clicks, double rejectShare)
    {
        var requests = new TableRequestStore(Tables, new TableReferenceCounter(Tables));
        var audit = new TableAuditLog(Tables, TimeProvider.System);
        await using var decisions = new TestDecisionLog(Options, ConnectionString);
        var decisionLog = decisions.Log;
        var events = new CountingPublisher(requests, new DecisionRecorder(decisionLog, decisions.Outbox, audit));
        var workflow = new ApprovalWorkflow(requests, decisionLog, decisions.Outbox, audit, new FixedSource(Directory()), events, TimeProvider.System);
        var reference = $"AIP-2026-{Random.Shared.Next(1000, 9999)}";
        await requests.CreateAsync(TrustRequest(reference), default);

        var random = new Random(clicks);
        var plan = Enumerable.Range(0, clicks).Select(i => (Who: People[i % People.Length], Reject: random.NextDouble() < rejectShare)).ToList();
        using var start = new ManualResetEventSlim(false);
        var outcomes = new ConcurrentBag<(string Who, TransitionStatus Status)>();
        var tasks = plan.Select(p => Task.Run(async () =>
        {
            start.Wait();
            var command = new DecideCommand(Actor(p.Who), p.Reject ? DecisionKind.Reject : DecisionKind.Approve, p.Reject ? "Not safe enough." : null, []);
            var outcome = await workflow.ExecuteAsync(reference, command, default);
            outcomes.Add((p.Who, outcome.Status));
        })).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        var final = (await requests.GetAsync(reference, default))!.Value;
        var rows = await decisionLog.ListAsync(reference, default);
        var auditRows = await audit.ReadAsync(reference, default);

        // One consistent outcome.
        // Every holder clicked several times, so the request cannot still be waiting.
        Assert.True(final.State is RequestState.Approved or RequestState.Rejected, $"state {final.State}");
        Assert.All(final.Decisions, d => Assert.Contains(d.ApproverId, MayDecide));
        Assert.Equal(final.Decisions.Count, final.Decisions.Select(d => d.Role).Distinct().Count());     // one decision per role
        if (final.State == RequestState.Rejected)
        {
            Assert.Equal(DecisionKind.Reject, final.Decisions[^1].Kind);
            Assert.Single(final.Decisions, d => d.Kind == DecisionKind.Reject);
        }
        else
        {
            Assert.All(final.Decisions, d => Assert.Equal(DecisionKind.Approve, d.Kind));
        }
        if (rejectShare == 0)
        {
            Assert.Equal(RequestState.Approved, final.State);
            Assert.Equal(["CDO", "CIO", "DPO"], final.Decisions.Select(d => d.Role).Order());
        }

        // Every accepted decision recorded exactly once, and nothing else.
        Assert.Equal(final.Decisions.Select(Key).Order(), rows.Select(Key).Order());
        Assert.Equal(final.Decisions.Count, auditRows.Count);
        Assert.Equal(final.Decisions.Count, outcomes.Count(o => o.Status == TransitionStatus.Applied));
        Assert.Equal(final.Decisions.Count, events.Count);
        // People who may not decide were refused (or found the request already final), never recorded.
        Assert.All(outcomes.Where(o => !MayDecide.Contains(o.Who)),
            o => Assert.True(o.Status is TransitionStatus.NotAllowed or TransitionStatus.NotApplicable, $"{o.Who}: {o.Status}"));
        Assert.True((await audit.VerifyAsync(reference, default)).IsIntact);
        Assert.Equal(final.State.IsFinal() ? 1 : 0, await decisions.OutboxCountAsync(reference));
    }

    private static string Key(ApprovalDecision d) => $"{d.Role}|{d.ApproverId}|{d.Kind}";

    private sealed class FixedSource(ApproverDirectory directory) : IApproverDirectorySource
    {
        public ValueTask<ApproverDirectory> GetAsync(CancellationToken ct) => ValueTask.FromResult(directory);
    }

    /// <summary>Counts the events and runs their decision-row follow-up on the request as it then stands.</summary>
    private sealed class CountingPublisher(IRequestStore requests, DecisionRecorder followUp) : IRequestEventPublisher
    {
        private int _count;
        public int Count => _count;

        public async Task PublishAsync(RequestEvent e, string? outboxVersion, CancellationToken ct)
        {
            Interlocked.Increment(ref _count);
            await followUp.HandleAsync(e, (await requests.GetAsync(e.Reference, ct))!, ct);
        }
    }
}
