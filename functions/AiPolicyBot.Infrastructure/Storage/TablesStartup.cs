using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Creates the tables when the host starts, so the first request does not pay for it. It runs in the background and
/// retries: a host whose storage is briefly unreachable still starts and answers /api/health, and each store also
/// checks (once, then a flag) before its first call.
/// </summary>
public sealed class TablesStartup(TableClients tables, ILogger<TablesStartup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.EnsureCreatedAsync(stoppingToken);
                logger.LogInformation("Storage tables ready: {Tables}", string.Join(", ", tables.All.Select(t => t.Name)));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never log the connection string (it holds the account key); the endpoint and error are enough.
                logger.LogWarning("Storage tables not ready yet ({Error}); retrying in {Delay}", e.GetType().Name + ": " + e.Message.Split('\n')[0], RetryEvery);
                await Task.Delay(RetryEvery, stoppingToken);
            }
        }
    }
}
