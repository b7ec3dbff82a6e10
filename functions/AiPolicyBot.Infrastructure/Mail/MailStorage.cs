using AiPolicyBot.Infrastructure.Storage;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// The tables and queues of the mail outbox: {prefix}Decisions (decision and outbox rows, one partition per request),
/// {prefix}Alerts (admin alert records), and the queues mail-outbox and mail-outbox-poison. The QueueServiceClient
/// must use Base64 messages (what the Functions queue trigger expects). Created once, then a flag.
/// </summary>
public sealed class MailStorage : StorageSet
{
    public MailStorage(TableServiceClient tables, QueueServiceClient queues, StorageOptions options,
        string outboxQueue = MailQueues.Outbox)
    {
        Decisions = tables.GetTableClient(options.TableName("Decisions"));
        Alerts = tables.GetTableClient(options.TableName("Alerts"));
        OutboxQueueName = outboxQueue;
        Outbox = queues.GetQueueClient(outboxQueue);
        Poison = queues.GetQueueClient(PoisonQueueName);
    }

    /// <summary>The queue names as triggers know them; the clients may carry a test prefix on top.</summary>
    public string OutboxQueueName { get; }
    public string PoisonQueueName => OutboxQueueName + "-poison";

    public TableClient Decisions { get; }
    public TableClient Alerts { get; }
    public QueueClient Outbox { get; }
    public QueueClient Poison { get; }

    public override IReadOnlyList<TableClient> All => [Decisions, Alerts];

    protected override IReadOnlyList<QueueClient> Queues => [Outbox, Poison];
}
