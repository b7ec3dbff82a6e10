using AiPolicyBot.Academies;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Storage.Diagnostics;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;

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
                // …or its identity-based form in Azure (AzureWebJobsStorage__accountName / __clientId).
                var identity = configuration.GetSection(StorageOptions.ConnectionStringKey);
                if (identity["accountName"] is { Length: > 0 } account) o.AccountName = account;
                if (identity["clientId"] is { Length: > 0 } clientId) o.ClientId = clientId;
            });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        // A StorageCallLogs is registered only by tests and benchmarks that count storage transactions.
        services.AddSingleton(sp => StorageServiceClients.Tables(sp.GetRequiredService<StorageOptions>(), sp.GetService<StorageCallLogs>()));
        services.AddSingleton<TableClients>();
        services.AddHostedService<TablesStartup>();
        services.AddSingleton(sp => StorageServiceClients.Queues(sp.GetRequiredService<StorageOptions>(), sp.GetService<StorageCallLogs>()));

        services.AddSingleton<IRegisterStore, TableRegisterStore>();
        // Demand for tools (asked about in chat, searched in the message extension), counted durably.
        services.AddSingleton<TableToolDemand>();
        services.AddSingleton<IToolDemand>(sp => sp.GetRequiredService<TableToolDemand>());
        services.AddSingleton<TableReferenceCounter>();
        services.AddSingleton<IRequestStore, TableRequestStore>();
        // "pending approvals" follows a decision from its event, not inside the click.
        services.AddSingleton<IRequestEventHandler, RequestIndexFollowUp>();
        services.AddSingleton<ITrainingStore, TableTrainingStore>();
        services.AddSingleton<IStaffAcademyStore, TableStaffAcademyStore>();
        services.AddSingleton<TableAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        return services;
    }
}
