using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Testing.Azurite;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.Pumps;

/// <summary>The running local host picks up queue and timer jobs from DI and pumps them, using AzureWebJobsStorage.</summary>
public class LocalHostJobsTests
{
    [Fact]
    public async Task Registered_jobs_run_in_the_local_host()
    {
        var queueName = TestStorage.UniqueQueue("host-job");
        var queueJob = new RecordingQueueJob(queueName);
        var timerJob = new CountingTimerJob(TimeSpan.FromMilliseconds(50));
        await using var factory = new WebApplicationFactory<WebHostProgram>().WithWebHostBuilder(b =>
        {
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
                ["Storage:TablePrefix"] = "hostjobs" + Guid.NewGuid().ToString("N")[..8],
                ["Queues:MaxPollingInterval"] = "00:00:00.200",
            }));
            b.ConfigureServices(s =>
            {
                s.AddSingleton<IQueueJob>(queueJob);
                s.AddSingleton<ITimerJob>(timerJob);
            });
        });
        _ = factory.Server; // starts the host and its hosted services

        // Produce the way the app does: the registered (Base64) QueueServiceClient.
        var queue = factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello from a producer");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((queueJob.Successes == 0 || Volatile.Read(ref timerJob.Runs) < 2) && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal("hello from a producer", Assert.Single(queueJob.Received));
        Assert.True(timerJob.Runs >= 2, $"timer ran {timerJob.Runs} times");
    }
}
