using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests;

public class StorageCompositionTests
{
    private static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = "Composed",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAiPolicyBot(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Table_stores_are_registered_and_read_AzureWebJobsStorage_and_the_prefix()
    {
        using var sp = Build();
        Assert.IsType<TableRequestStore>(sp.GetRequiredService<IRequestStore>());
        Assert.IsType<TableTrainingStore>(sp.GetRequiredService<ITrainingStore>());
        Assert.IsType<TableAuditLog>(sp.GetRequiredService<IAuditLog>());
        Assert.IsType<TableIdempotencyStore>(sp.GetRequiredService<IIdempotencyStore>());
        Assert.Equal("UseDevelopmentStorage=true", sp.GetRequiredService<StorageOptions>().ConnectionString);
        Assert.Equal("ComposedRequests", sp.GetRequiredService<TableClients>().Requests.Name);
    }

    [Fact]
    public async Task The_table_register_store_is_the_only_register_store()
    {
        await using var sp = Build(); // async: the durable demand counter flushes on DisposeAsync
        Assert.IsType<TableRegisterStore>(Assert.Single(sp.GetServices<IRegisterStore>()));
        Assert.IsType<TableToolDemand>(Assert.Single(sp.GetServices<IToolDemand>()));
    }
}
