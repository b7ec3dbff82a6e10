using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace AiPolicyBot.Hosting.Tests;

public class StorageCompositionTests
{
    private static ServiceProvider Build(Action<IServiceCollection>? before = null, Action<IServiceCollection>? after = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = "Composed",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddAiPolicyBot(configuration);
        after?.Invoke(services);
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
    public void The_table_register_store_wins_over_an_in_memory_default_registered_before_or_after()
    {
        var inMemory = Mock.Of<IRegisterStore>();
        using var before = Build(before: s => s.TryAddSingleton(inMemory));
        using var after = Build(after: s => s.TryAddSingleton(inMemory));
        Assert.IsType<TableRegisterStore>(before.GetRequiredService<IRegisterStore>());
        Assert.IsType<TableRegisterStore>(after.GetRequiredService<IRegisterStore>());
        Assert.Single(before.GetServices<IRegisterStore>());
    }
}
