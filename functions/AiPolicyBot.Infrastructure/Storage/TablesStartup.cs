using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>Creates the tables when the host starts, so no request pays for it (or races to do it).</summary>
public sealed class TablesStartup(TableClients tables, ILogger<TablesStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Storage tables ready: {Tables}", string.Join(", ", tables.All.Select(t => t.Name)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
