using System.Collections.Concurrent;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Cost;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.Cost;

/// <summary>
/// 64 people clicking Approve (Action.Execute through the endpoint, against Azurite) at the same moment on four
/// requests that each need the CIO, CDO and DPO: every click is answered, each request ends approved with exactly one
/// decision per role in the request (what the clicks commit); then the follow-up runs with every event delivered
/// twice, copies racing each other: the decision rows and the audit chain hold each decision once (nothing lost,
/// nothing doubled), and none is left listed as open.
/// </summary>
public sealed class ConcurrentApproveClickTests : IAsyncLifetime
{
    private static readonly string[] Clickers = [StorageRig.Cio, StorageRig.Cdo, StorageRig.Dpo, StorageRig.ItLead];
    private readonly StorageRig _rig = new(TestStorage.ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Sixty_four_concurrent_clickers_neither_lose_nor_double_a_decision()
    {
        var references = new List<string>();
        for (var i = 0; i < 4; i++) references.Add(await _rig.SubmitAsync($"00000000-0000-4000-8000-00000000010{i}"));
        var answers = new ConcurrentBag<(int Status, string Body)>();
        using var go = new ManualResetEventSlim(false);
        var clicks = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            go.Wait();
            answers.Add(await _rig.ClickAsync("approval.approve", references[i % 4], Clickers[i / 4 % Clickers.Length]));
        })).ToList();
        go.Set();
        await Task.WhenAll(clicks);

        Assert.Equal(64, answers.Count);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        // Three roles decide per request: twelve recorded approvals in all, however the clicks interleaved.
        Assert.Equal(12, answers.Count(a => a.Body.Contains("Your approval was recorded", StringComparison.Ordinal)));

        // The clicks commit the request, the truth: decided once per role before any follow-up ran.
        var requests = _rig.Services.GetRequiredService<IRequestStore>();
        foreach (var reference in references)
        {
            var request = (await requests.GetAsync(reference, default))!.Value;
            Assert.Equal(RequestState.Approved, request.State);
            Assert.Equal(["CDO", "CIO", "DPO"], request.Decisions.Select(d => d.Role).Order());
        }

        // The follow-up: 4 submissions and 12 decisions, each event sent twice (a message whose lease ran out on a busy
        // machine comes back once more: at least 32 handled), and every event ends handled, none poisoned.
        var handled = await _rig.FollowUpAsync(batchSize: 32, twice: true);
        Assert.True(handled >= 32, $"{handled} follow-up messages handled");
        Assert.Empty(await _rig.Services.GetRequiredService<TableRequestEventLog>().ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));
        Assert.Equal(0, await _rig.PoisonedFollowUpsAsync());

        var decisionLog = _rig.Services.GetRequiredService<IDecisionLog>();
        var audit = _rig.Services.GetRequiredService<IAuditLog>();
        foreach (var reference in references)
        {
            var request = (await requests.GetAsync(reference, default))!.Value;
            var rows = await decisionLog.ListAsync(reference, default);
            Assert.Equal(request.Decisions.Select(d => $"{d.Role}|{d.ApproverId}").Order(), rows.Select(d => $"{d.Role}|{d.ApproverId}").Order());
            var entries = await audit.ReadAsync(reference, default);
            Assert.Equal(3, entries.Count(e => e.Kind == AuditKinds.For(DecisionKind.Approve)));
            Assert.True((await audit.VerifyAsync(reference, default)).IsIntact);
        }

        var open = await requests.ListOpenAsync(default);
        Assert.DoesNotContain(open, r => references.Contains(r.Value.Reference));
    }
}
