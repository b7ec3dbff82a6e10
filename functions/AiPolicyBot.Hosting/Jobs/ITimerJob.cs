namespace AiPolicyBot.Hosting.Jobs;

/// <summary>
/// Work on a schedule. The Functions app runs it from a [TimerTrigger] with <see cref="Schedule"/> (six-field NCRONTAB);
/// the local host runs it every <see cref="Interval"/> with a PeriodicJob. Keep both describing the same cadence.
/// A run that throws is logged and the next tick runs as usual (as with the Functions timer).
/// </summary>
public interface ITimerJob
{
    string Name { get; }

    /// <summary>The cadence in the local host.</summary>
    TimeSpan Interval { get; }

    /// <summary>NCRONTAB for the Functions timer trigger, e.g. "0 */2 * * * *" for every two minutes.</summary>
    string Schedule { get; }

    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// The usual timer job: a name, a six-field NCRONTAB for the Functions timer, the local cadence, and the work. A job
/// says these once in its base call; the Functions trigger names the same <c>Cron</c> constant.
/// </summary>
public abstract class TimerJob(string name, string schedule, TimeSpan interval) : ITimerJob
{
    public string Name => name;

    public TimeSpan Interval => interval;

    public string Schedule => schedule;

    public abstract Task RunAsync(CancellationToken ct);
}
