using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>
/// Card copies in table {prefix}ApprovalCards: PartitionKey = the request reference, RowKey = a hash of
/// conversation id + activity id (conversation ids hold characters keys may not). Insert only: 409 = already known.
/// </summary>
public sealed class TableApprovalCardStore(ApprovalTables tables) : IApprovalCardStore
{
    public async Task AddAsync(ApprovalCardCopy copy, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var entity = new TableEntity(TableKeys.Safe(copy.Reference), RowKey(copy))
        {
            ["Reference"] = copy.Reference,
            ["Audience"] = copy.Audience.ToString(),
            ["UserId"] = copy.UserId,
            ["ConversationId"] = copy.ConversationId,
            ["ActivityId"] = copy.ActivityId,
            ["ServiceUrl"] = copy.ServiceUrl,
        };
        try
        {
            await tables.Cards.AddEntityAsync(entity, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // the same copy stored before: nothing to do
        }
    }

    public async Task<IReadOnlyList<ApprovalCardCopy>> ListAsync(string reference, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var list = new List<ApprovalCardCopy>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(reference)}");
        await foreach (var e in tables.Cards.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(new ApprovalCardCopy(e.GetString("Reference"), Enum.Parse<CardAudience>(e.GetString("Audience")), e.GetString("UserId"),
                e.GetString("ConversationId"), e.GetString("ActivityId"), e.GetString("ServiceUrl")));
        return list;
    }

    private static string RowKey(ApprovalCardCopy copy) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(copy.ConversationId + "\n" + copy.ActivityId)));
}
