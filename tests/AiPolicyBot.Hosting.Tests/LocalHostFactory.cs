using AiPolicyBot.Testing.Azurite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>
/// The real local host, in Development, pointed at the test Azurite (AIPOLICYBOT_TEST_STORAGE) with tables of its own,
/// so tests never touch a developer's local data on the default ports.
/// </summary>
public class LocalHostFactory : WebApplicationFactory<WebHostProgram>
{
    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Storage:QueuePrefix"] = TablePrefix + "-",
        }));
    }
}
