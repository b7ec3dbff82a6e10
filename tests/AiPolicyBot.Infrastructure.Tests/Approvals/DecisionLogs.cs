using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Testing.Azurite;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Infrastructure.Tests.Approvals;

/// <summary>The real Table decision log (table Decisions, PK = reference) on the test Azurite, with its outbox rows countable.</summary>
internal sealed class TestDecisionLog : IAsyncDisposable
{
    public TestDecisionLog(StorageOptions options, string connectionString)
    {
        var queues = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Storage = new MailStorage(new TableServiceClient(connectionString), queues, options, "appr-outbox-" + Guid.NewGuid().ToString("N")[..8]);
        var queue = new OutboxQueue(Storage, NullLogger<OutboxQueue>.Instance);
        Log = new TableDecisionLog(Storage, queue, TimeProvider.System);
        Outbox = new TableOutbox(Storage, queue, TimeProvider.System);
    }

    public MailStorage Storage { get; }
    public IDecisionLog Log { get; }
    public IOutbox Outbox { get; }

    /// <summary>The outbox rows (mail jobs) recorded for a request.</summary>
    public async Task<int> OutboxCountAsync(string reference)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DecisionRows.Partition(reference)}") + " and " + DecisionRows.PrefixFilter(DecisionRows.OutboxPrefix);
        var count = 0;
        await foreach (var _ in Storage.Decisions.QueryAsync<TableEntity>(filter)) count++;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await TestStorage.DeleteAsync(Storage);
    }
}
