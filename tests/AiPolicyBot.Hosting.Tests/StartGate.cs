using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>
/// Holds the app's own start until WebApplicationFactory is listening for it. With a top-level Program the app
/// thread runs on from <c>Build()</c> into <c>app.Run()</c> while the factory's deferred host, in <c>Start()</c>,
/// still has to read the app's services to subscribe to "started". If start-up fails first (as a test may intend),
/// <c>Run()</c> has already disposed those services, and the factory throws ObjectDisposedException instead of the
/// start-up error (seen under heavy load). The host waits for its <see cref="IHostLifetime"/> before anything else
/// in StartAsync, so this lifetime keeps it from starting, failing and disposing until <see cref="Open"/>.
/// </summary>
public sealed class StartGate : IHostLifetime
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void AddTo(IWebHostBuilder builder) => builder.ConfigureServices(s => s.AddSingleton<IHostLifetime>(this));

    /// <summary>Builds the host, subscribes to its start, and only then lets the app start (or fail to).</summary>
    public IHost BuildAndStart(IHostBuilder builder)
    {
        var host = builder.Build();
        var started = host.StartAsync(); // reads the app's services before the app may dispose them
        _open.TrySetResult();
        started.GetAwaiter().GetResult();
        return host;
    }

    public Task WaitForStartAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
