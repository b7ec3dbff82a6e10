using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// The one place that turns <see cref="StorageOptions"/> into service clients: a managed identity in Azure (shared
/// keys are disabled there), a connection string locally and in tests (Azurite).
/// </summary>
public static class StorageServiceClients
{
    public static TableServiceClient Tables(StorageOptions options) => options.AccountName is { Length: > 0 } account
        ? new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), Credential(options))
        : new TableServiceClient(options.ConnectionString);

    /// <summary>Base64 messages: what the Functions queue trigger (and the local QueuePump) expects.</summary>
    public static QueueServiceClient Queues(StorageOptions options)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return options.AccountName is { Length: > 0 } account
            ? new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), Credential(options), queueOptions)
            : new QueueServiceClient(options.ConnectionString, queueOptions);
    }

    private static TokenCredential Credential(StorageOptions options) => options.ClientId is { Length: > 0 } clientId
        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
}
