using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Storage;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>
/// Deliveries in table {prefix}Deliveries: PartitionKey = the request reference, RowKey = the person's object id
/// (made key-safe). Each save replaces the row: one current state per person. Ids and times only, no content.
/// </summary>
public sealed class TableDeliveryLog(ApprovalTables tables) : IDeliveryLog
{
    public async Task SaveAsync(CardDelivery d, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await tables.Deliveries.UpsertEntityAsync(new TableEntity(TableKeys.Safe(d.Reference), TableKeys.Safe(d.UserId))
        {
            ["Reference"] = d.Reference,
            ["UserId"] = d.UserId,
            ["Label"] = d.Label,
            ["Status"] = d.Status.ToString(),
            ["Attempts"] = d.Attempts,
            ["LastAttemptAt"] = d.LastAttemptAt,
            ["DeliveredAt"] = d.DeliveredAt,
            ["NextAttemptAt"] = d.NextAttemptAt,
        }, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<CardDelivery>> ListAsync(string reference, CancellationToken ct) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(reference)}"), ct);

    public async Task<IReadOnlyList<CardDelivery>> DueAsync(DateTimeOffset now, CancellationToken ct) =>
        await QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(DeliveryStatus.Retrying)} and NextAttemptAt le {now}"), ct);

    private async Task<List<CardDelivery>> QueryAsync(string filter, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var list = new List<CardDelivery>();
        await foreach (var e in tables.Deliveries.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(new CardDelivery(e.GetString("Reference"), e.GetString("UserId"), e.GetString("Label") ?? "",
                Enum.Parse<DeliveryStatus>(e.GetString("Status")), e.GetInt32("Attempts") ?? 0,
                e.GetDateTimeOffset("LastAttemptAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("DeliveredAt"), e.GetDateTimeOffset("NextAttemptAt")));
        return list;
    }
}
