using AiPolicyBot.Infrastructure.Storage;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// Tables and the queue of mailbox triage: {prefix}TriageRecords (PK "inbound": one row per mail; PK "sync": the
/// deltaLink and the subscription), {prefix}TriageCorrections, and the queue triage-inbox ("sync now" doorbell).
/// </summary>
public sealed class InboxStorage : StorageSet
{
    public const string DefaultQueue = "triage-inbox";

    public InboxStorage(TableServiceClient tables, QueueServiceClient queues, StorageOptions options, string queue = DefaultQueue)
    {
        Records = tables.GetTableClient(options.TableName("TriageRecords"));
        Corrections = tables.GetTableClient(options.TableName("TriageCorrections"));
        QueueName = queue;
        Queue = queues.GetQueueClient(queue);
    }

    /// <summary>The logical queue name, before any test-host prefix the queue client adds (what the pumps are given).</summary>
    public string QueueName { get; }

    public TableClient Records { get; }
    public TableClient Corrections { get; }
    public QueueClient Queue { get; }

    public override IReadOnlyList<TableClient> All => [Records, Corrections];

    protected override IReadOnlyList<QueueClient> Queues => [Queue];
}
