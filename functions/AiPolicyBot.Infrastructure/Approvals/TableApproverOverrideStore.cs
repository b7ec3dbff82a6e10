using System.Text.Json;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>
/// Approver overrides in table {prefix}Approvers: PartitionKey "trust" (RowKey = role) or "academy" (RowKey =
/// academy id), columns Primary and Deputies (JSON list of Entra object ids). Replaces with the ETag it read.
/// </summary>
public sealed class TableApproverOverrideStore(ApprovalTables tables) : IApproverOverrideStore
{
    public async Task<IReadOnlyList<ApproverOverride>> ListAsync(CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var list = new List<ApproverOverride>();
        await foreach (var e in tables.Approvers.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            var deputies = JsonSerializer.Deserialize<List<string>>(e.GetString("Deputies") ?? "[]", AiPolicyJson.Options) ?? [];
            list.Add(e.PartitionKey == "academy"
                ? new ApproverOverride(AiPolicyBot.Policy.ApproverRoles.AcademyLeader, e.RowKey, e.GetString("Primary") ?? "", deputies)
                : new ApproverOverride(e.RowKey, null, e.GetString("Primary") ?? "", deputies));
        }
        return list;
    }

    public async Task SetAsync(ApproverOverride value, CancellationToken ct)
    {
        // Only well-formed Entra object ids get in, so the directory check at start-up stays true for overrides too.
        if (!ApproverDirectoryCheck.IsObjectId(value.Primary) || value.Deputies.Any(d => !ApproverDirectoryCheck.IsObjectId(d)))
            throw new ArgumentException($"Approver override for {value.Role}: every id must be an Entra object id (GUID).", nameof(value));
        await tables.EnsureCreatedAsync(ct);
        var (pk, rk) = value.AcademyId is null ? ("trust", value.Role) : ("academy", value.AcademyId);
        var entity = new TableEntity(pk, TableKeys.Safe(rk))
        {
            ["Primary"] = value.Primary,
            ["Deputies"] = JsonSerializer.Serialize(value.Deputies, AiPolicyJson.Options),
        };
        for (var attempt = 0; ; attempt++)
        {
            var found = await tables.Approvers.GetEntityIfExistsAsync<TableEntity>(pk, entity.RowKey, cancellationToken: ct);
            try
            {
                if (found.HasValue) await tables.Approvers.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, ct);
                else await tables.Approvers.AddEntityAsync(entity, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // changed meanwhile: read again
            }
        }
    }
}
