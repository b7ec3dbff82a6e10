using AiPolicyBot.LocalHost.Pumps;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Hosting.Tests.Pumps;

public class PeriodicJobTests
{
    [Fact]
    public async Task The_job_ticks_repeatedly_and_a_failed_tick_does_not_stop_it()
    {
        var job = new CountingTimerJob(TimeSpan.FromMilliseconds(50), failEveryOther: true);
        using var cts = new CancellationTokenSource();
        var run = new PeriodicJob(job, TimeProvider.System, NullLogger.Instance).RunAsync(cts.Token);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref job.Runs) < 4 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await cts.CancelAsync();
        await run; // stops cleanly on cancellation

        Assert.True(job.Runs >= 4, $"ticked {job.Runs} times");
    }
}
