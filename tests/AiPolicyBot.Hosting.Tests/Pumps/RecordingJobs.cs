using System.Collections.Concurrent;
using AiPolicyBot.Hosting.Jobs;

namespace AiPolicyBot.Hosting.Tests.Pumps;

/// <summary>A queue job that records what it got, and fails for messages starting with "fail".</summary>
internal sealed class RecordingQueueJob(string queueName) : IQueueJob
{
    public string QueueName => queueName;
    public ConcurrentQueue<string> Received { get; } = new();
    public int Successes;

    public Task HandleAsync(string message, CancellationToken ct)
    {
        Received.Enqueue(message);
        if (message.StartsWith("fail", StringComparison.Ordinal)) throw new InvalidOperationException("handler failed on purpose");
        Interlocked.Increment(ref Successes);
        return Task.CompletedTask;
    }
}

internal sealed class CountingTimerJob(TimeSpan interval, bool failEveryOther = false) : ITimerJob
{
    public string Name => "counting";
    public TimeSpan Interval => interval;
    public string Schedule => "*/1 * * * * *";
    public int Runs;

    public Task RunAsync(CancellationToken ct)
    {
        var run = Interlocked.Increment(ref Runs);
        if (failEveryOther && run % 2 == 1) throw new InvalidOperationException("tick failed on purpose");
        return Task.CompletedTask;
    }
}
