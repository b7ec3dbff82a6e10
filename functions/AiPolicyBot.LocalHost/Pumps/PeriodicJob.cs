using AiPolicyBot.Hosting.Jobs;

namespace AiPolicyBot.LocalHost.Pumps;

/// <summary>
/// Runs one <see cref="ITimerJob"/> every <see cref="ITimerJob.Interval"/> (the local stand-in for a Functions timer
/// trigger). Runs never overlap; a failed run is logged and the next tick goes ahead.
/// </summary>
public sealed class PeriodicJob(ITimerJob job, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(job.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await job.RunAsync(ct);
                }
                // A run that fails while the host is stopping is still just a failed run, not a crash of the pump.
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning("Timer job {Job} failed ({Error}); next run in {Interval}", job.Name, e.GetType().Name, job.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
