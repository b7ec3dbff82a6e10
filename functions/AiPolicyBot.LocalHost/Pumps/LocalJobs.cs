using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.LocalHost.Pumps;

/// <summary>Starts a <see cref="QueuePump"/> for every registered <see cref="IQueueJob"/> and a <see cref="PeriodicJob"/>
/// for every <see cref="ITimerJob"/>: what the Functions host's triggers do in Azure.</summary>
public sealed class LocalJobs(
    IEnumerable<IQueueJob> queueJobs,
    IEnumerable<ITimerJob> timerJobs,
    StorageOptions storage,
    IOptions<QueuePumpOptions> pumpOptions,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<LocalJobs>();
        var runs = new List<Task>();
        foreach (var job in queueJobs)
        {
            logger.LogInformation("Queue job on {Queue}", job.QueueName);
            var queue = storage.QueueName(job.QueueName);
            runs.Add(QueuePump.Create(job, storage.ConnectionString, queue, pumpOptions.Value, loggers.CreateLogger<QueuePump>()).RunAsync(stoppingToken));
        }
        foreach (var job in timerJobs)
        {
            logger.LogInformation("Timer job {Job} every {Interval}", job.Name, job.Interval);
            runs.Add(new PeriodicJob(job, time, loggers.CreateLogger<PeriodicJob>()).RunAsync(stoppingToken));
        }
        return Task.WhenAll(runs);
    }
}
