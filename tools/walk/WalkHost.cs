using AiPolicyBot.LocalHost.Pumps;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Hosts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Walk;

/// <summary>
/// The real local host as the walks run it: Development, the Playground's local mode, tables and queues of its own on
/// the test Azurite, calls from loopback, and no queue pumps or timers (they tick on their own; only the walked
/// requests run). <paramref name="more"/>: settings a walk needs besides (e.g. the approvers).
/// </summary>
internal sealed class WalkHost(IReadOnlyDictionary<string, string?>? more = null) : WebApplicationFactory<WebHostProgram>
{
    public const string BotAppId = "c9e8c047-2a74-40a2-b28a-b162d5f5327c";

    /// <summary>The fake connector's port: AIPOLICYBOT_PLAYGROUND_PORT_BASE + 19.</summary>
    public static readonly int ConnectorPort =
        (int.TryParse(Environment.GetEnvironmentVariable("AIPOLICYBOT_PLAYGROUND_PORT_BASE"), out var b) ? b : 29000) + 19;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var prefix = "walk" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:QueuePrefix"] = prefix + "-",
            ["Bot:AllowUnauthenticatedLocal"] = "true",
            ["Bot:AppId"] = BotAppId,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings));
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter, RemoteIpFilter>(); // from loopback
            foreach (var pumps in s.Where(d => d.ImplementationType == typeof(LocalJobs)).ToList()) s.Remove(pumps);
        });
    }
}
