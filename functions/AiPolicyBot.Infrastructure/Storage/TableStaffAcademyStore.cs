using AiPolicyBot.Academies;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Each person's academy in table {prefix}StaffAcademies: PartitionKey = <see cref="TableKeys.Safe"/>(Entra object
/// id), RowKey "academy", one column Academy (an academy id). No names, e-mail addresses or message text. The person's
/// latest choice replaces the earlier one (an upsert: there is nothing to merge, so no ETag is needed).
/// </summary>
public sealed class TableStaffAcademyStore(TableClients tables) : IStaffAcademyStore
{
    private const string Row = "academy";
    private TableClient Table => tables.StaffAcademies;

    public async Task<string?> GetAsync(string userId, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(userId), Row, select: ["Academy"], cancellationToken: ct);
        return found.HasValue ? found.Value!.GetString("Academy") : null;
    }

    public async Task SetAsync(string userId, string academyId, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await Table.UpsertEntityAsync(new TableEntity(TableKeys.Safe(userId), Row) { ["Academy"] = academyId }, TableUpdateMode.Replace, ct);
    }
}
