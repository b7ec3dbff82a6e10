namespace AiPolicyBot.Core.Tests.Register;

/// <summary>A time provider whose timers fire only when the test says so (no package needed for one test).</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_timers) _timers.Add((callback, state));
        return new NoopTimer();
    }

    public void FireTimers()
    {
        List<(TimerCallback Callback, object? State)> timers;
        lock (_timers) timers = [.. _timers];
        foreach (var (callback, state) in timers) callback(state);
    }

    private sealed class NoopTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
