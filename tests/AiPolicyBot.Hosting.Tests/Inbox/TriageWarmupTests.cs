using AiPolicyBot.Hosting.Inbox;
using AiPolicyBot.Triage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting.Tests.Inbox;

/// <summary>Triage training waits until the host has started (off a cold instance's first turns), then runs once.</summary>
public sealed class TriageWarmupTests
{
    [Fact]
    public async Task Training_starts_only_after_the_host_has_started_and_then_completes()
    {
        var lifetime = new Lifetime();
        var warmup = Warmup(lifetime);

        await warmup.StartAsync(CancellationToken.None);
        await Task.Delay(TriageWarmup.AfterStart + TimeSpan.FromSeconds(1));
        Assert.False(warmup.Ready.IsCompleted, "training began before the host had started");

        lifetime.Started.Cancel();
        await warmup.Ready.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(warmup.Ready.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_before_training_cancels_it()
    {
        var lifetime = new Lifetime();
        var warmup = Warmup(lifetime);

        await warmup.StartAsync(CancellationToken.None);
        lifetime.Started.Cancel();
        await warmup.StopAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => warmup.Ready.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static TriageWarmup Warmup(IHostApplicationLifetime lifetime) => new(
        new TriageClassifierProvider(Options.Create(new TriageOptions()), new ConfigurationBuilder().Build()),
        lifetime,
        NullLogger<TriageWarmup>.Instance);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();
        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
