using AiPolicyBot.Infrastructure.Storage.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// The one place that turns <see cref="StorageOptions"/> into service clients: a managed identity in Azure (shared
/// keys are disabled there), a connection string locally and in tests (Azurite).
/// </summary>
public static class StorageServiceClients
{
    /// <param name="log">Tests and benchmarks only: counts every request (<see cref="StorageCallLogs"/>).</param>
    public static TableServiceClient Tables(StorageOptions options, StorageCallLogs? log = null)
    {
        var clientOptions = new TableClientOptions();
        if (log is not null) clientOptions.AddPolicy(log.Tables, HttpPipelinePosition.PerRetry);
        return options.AccountName is { Length: > 0 } account
            ? new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), Credential(options), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    public static BlobServiceClient Blobs(StorageOptions options) => options.AccountName is { Length: > 0 } account
        ? new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), Credential(options))
        : new BlobServiceClient(options.ConnectionString);

    /// <summary>Base64 messages: what the Functions queue trigger (and the local QueuePump) expects.</summary>
    public static QueueServiceClient Queues(StorageOptions options, StorageCallLogs? log = null)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (log is not null) queueOptions.AddPolicy(log.Queues, HttpPipelinePosition.PerRetry);
        if (options.AccountName is { Length: > 0 } account)
            return new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), Credential(options), queueOptions);
        return options.QueuePrefix is { Length: > 0 } prefix
            ? new PrefixedQueueServiceClient(prefix, options.ConnectionString, queueOptions)
            : new QueueServiceClient(options.ConnectionString, queueOptions);
    }

    /// <summary>Every queue a producer asks for carries the prefix, so no part has to remember it.</summary>
    private sealed class PrefixedQueueServiceClient(string prefix, string connectionString, QueueClientOptions options)
        : QueueServiceClient(connectionString, options)
    {
        public override QueueClient GetQueueClient(string queueName) => base.GetQueueClient(prefix + queueName);
    }

    private static TokenCredential Credential(StorageOptions options) => options.ClientId is { Length: > 0 } clientId
        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
}
