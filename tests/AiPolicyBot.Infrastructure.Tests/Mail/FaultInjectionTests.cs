using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Mail;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Testing.Mail;
using Xunit.Abstractions;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>
/// Randomized fault injection (seeded, so a failure can be replayed): per decision, Graph answers with 429s, 503/504s
/// before or AFTER doing the work, the worker "crashes" between steps, queue messages are delivered twice, lost, or
/// re-queued by the relay mid-flight. Every decision must still produce exactly one sent email.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Trials = 200;
    private const int Seed = 20261127;
    private MailTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await MailTestBed.WithGraphAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Every_decision_produces_exactly_one_sent_email_under_random_faults()
    {
        var random = new Random(Seed);
        var stats = new Dictionary<string, int>();
        void Count(string what) => stats[what] = stats.GetValueOrDefault(what) + 1;
        var jobs = new List<OutboxJob>();
        var started = DateTimeOffset.UtcNow;

        for (var trial = 0; trial < Trials; trial++)
        {
            var reference = $"AIP-2027-{trial + 1:D4}";
            var job = await _bed.DecideAsync(reference);
            jobs.Add(job);
            if (random.NextDouble() < 0.1)
            {
                Count("repeated click");
                Assert.False(await _bed.DecisionLog.RecordAsync(reference, MailSamples.Decision(), [job], default));
            }

            var budget = random.Next(0, 8);
            _bed.FakeGraph.Faults = call =>
            {
                if (budget <= 0 || random.NextDouble() >= 0.4) return null;
                budget--;
                var (name, fault) = random.Next(6) switch
                {
                    0 => ("429", new Fault(429, RetryAfterSeconds: 0)),
                    1 => ("429 burst", new Fault(429, RetryAfterSeconds: 0)),
                    2 => ("503 before", new Fault(503, RetryAfterSeconds: 0)),
                    3 => ("504 before", new Fault(504, JsonBody: false)),
                    4 => ("503 after accepting", new Fault(503, AfterEffect: true)),
                    _ => ("504 after accepting", new Fault(504, AfterEffect: true, JsonBody: false)),
                };
                if (name == "429 burst") budget += 3; // long enough to outlast the SDK retries sometimes
                Count($"{name} on {call.Step}");
                return fault;
            };
            _bed.Outbox.CrashBeforeDraftStored = Once(random, 0.1, () => Count("crash before draft id stored"));
            _bed.Outbox.CrashAfterDraftStored = Once(random, 0.15, () => Count("crash between draft and send"));
            _bed.Outbox.CrashBeforeSentStored = Once(random, 0.15, () => Count("crash after send"));

            if (random.NextDouble() < 0.1)
            {
                Count("pointer lost");
                await _bed.Storage.Outbox.ClearMessagesAsync();
            }
            for (var extra = random.Next(0, 3); extra > 0 && random.NextDouble() < 0.5; extra--)
            {
                Count("duplicate delivery");
                await _bed.Queue.EnqueueAsync(new OutboxPointer(reference, job.JobId), null, default);
            }

            for (var round = 0; ; round++)
            {
                Assert.True(round < 20, $"trial {trial}: did not settle");
                await _bed.DrainAsync(maxDequeueCount: 50, beforeEach: async _ =>
                {
                    if (random.NextDouble() < 0.1) { Count("relay mid-flight"); await _bed.Relay.RunAsync(default); }
                });
                if (await _bed.Relay.RunAsync(default) == 0) break;
                Count("relay re-queue after drain");
            }

            Assert.True(_bed.FakeGraph.SendsOf(job.JobId) == 1, $"trial {trial} (seed {Seed}): {_bed.FakeGraph.SendsOf(job.JobId)} emails");
            Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(job)).State);
        }

        var elapsed = DateTimeOffset.UtcNow - started;
        foreach (var (what, n) in stats.OrderBy(s => s.Key, StringComparer.Ordinal)) output.WriteLine($"{what}: {n}");
        output.WriteLine($"{Trials} trials in {elapsed.TotalSeconds:F1} s");

        Assert.Equal(Trials, _bed.FakeGraph.Sends.Count);
        Assert.Equal(Trials, _bed.FakeGraph.Sends.Select(s => s.Headers[MailMessage.JobIdHeader]).Distinct().Count());
        Assert.Empty((await _bed.Storage.Poison.PeekMessagesAsync(1)).Value);
        // The faults that matter most really happened (the test would prove nothing otherwise).
        foreach (var needed in new[] { "504 after accepting on Send", "503 after accepting on CreateDraft", "crash between draft and send",
                     "crash before draft id stored", "crash after send", "duplicate delivery", "pointer lost", "relay mid-flight" })
            Assert.True(stats.GetValueOrDefault(needed) > 0, $"never injected: {needed}");
        Assert.Contains(_bed.Handled, p => p.Attempt > 0); // some throttling outlasted the SDK retries and was re-scheduled
    }

    private static Func<string, bool> Once(Random random, double probability, Action counted)
    {
        var armed = random.NextDouble() < probability;
        return _ =>
        {
            if (!armed) return false;
            armed = false;
            counted();
            return true;
        };
    }
}
