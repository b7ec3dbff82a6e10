using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Guards an entity-group transaction before it is submitted. Azure rejects a batch that spans partitions or has more
/// than 100 actions; Azurite accepts cross-partition batches (Azure/Azurite#1215), so without this check a test
/// could pass with a bug that fails in Azure.
/// </summary>
public static class EntityGroupTransaction
{
    public const int MaxActions = 100;

    public static void EnsureOnePartition(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0) throw new InvalidOperationException("An entity-group transaction needs at least one action.");
        if (actions.Count > MaxActions)
            throw new InvalidOperationException($"An entity-group transaction holds at most {MaxActions} actions (got {actions.Count}).");
        var partition = actions[0].Entity.PartitionKey;
        foreach (var action in actions)
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
                throw new InvalidOperationException(
                    $"An entity-group transaction must stay in one partition ('{partition}' and '{action.Entity.PartitionKey}').");
    }
}
