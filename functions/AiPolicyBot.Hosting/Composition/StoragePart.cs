using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting;

/// <summary>Durable state: Table Storage stores, the queue client, and table creation at start-up (docs/storage.md).</summary>
public static class StoragePart
{
    public static IServiceCollection AddStoragePart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                // The same key the Functions host uses for its own storage, so one setting serves both hosts.
                if (configuration[StorageOptions.ConnectionStringKey] is { Length: > 0 } cs) o.ConnectionString = cs;
            });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        services.AddSingleton(sp => new TableServiceClient(sp.GetRequiredService<StorageOptions>().ConnectionString));
        services.AddSingleton<TableClients>();
        services.AddHostedService<TablesStartup>();
        // Producers send Base64, which is what the Functions queue trigger (and the local QueuePump) expects.
        services.AddSingleton(sp => new QueueServiceClient(sp.GetRequiredService<StorageOptions>().ConnectionString,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));

        // Replace, not TryAdd: the durable register wins over any in-memory default another part registered.
        services.Replace(ServiceDescriptor.Singleton<IRegisterStore, TableRegisterStore>());
        services.AddSingleton<TableReferenceCounter>();
        services.AddSingleton<IRequestStore, TableRequestStore>();
        services.AddSingleton<ITrainingStore, TableTrainingStore>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        return services;
    }
}
