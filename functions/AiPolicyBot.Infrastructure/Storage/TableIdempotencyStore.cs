using AiPolicyBot.Common;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Claims in table {prefix}Idempotency: PartitionKey = Safe(scope), RowKey = Safe(key), column ClaimedAt. The insert
/// is the claim: 409 means someone already did it.
/// </summary>
public sealed class TableIdempotencyStore(TableClients tables, TimeProvider time) : IIdempotencyStore
{
    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        try
        {
            await tables.Idempotency.AddEntityAsync(
                new TableEntity(TableKeys.Safe(scope), TableKeys.Safe(key)) { ["ClaimedAt"] = time.GetUtcNow() }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await tables.Idempotency.DeleteEntityAsync(TableKeys.Safe(scope), TableKeys.Safe(key), ETag.All, ct);
    }
}
