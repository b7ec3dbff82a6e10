using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public sealed class TableStaffAcademyStoreTests() : TestTables("acdtests")
{
    private TableStaffAcademyStore Store => new(Tables);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string User = "eeeeeeee-0000-0000-0000-000000000005";

    [Fact]
    public async Task A_persons_academy_is_remembered_replaced_and_kept_to_one_column()
    {
        Assert.Null(await Store.GetAsync(User, Ct));
        await Store.SetAsync(User, "riverside", Ct);
        await Store.SetAsync("ffffffff-0000-0000-0000-000000000006", "kingsmoor", Ct);
        Assert.Equal("riverside", await Store.GetAsync(User, Ct));
        await Store.SetAsync(User, "oakfield", Ct);
        Assert.Equal("oakfield", await Store.GetAsync(User, Ct));

        // Minimum data: the keys and the academy id, nothing else.
        var row = (await Tables.StaffAcademies.GetEntityAsync<Azure.Data.Tables.TableEntity>(TableKeys.Safe(User), "academy", cancellationToken: Ct)).Value;
        Assert.Equal(["Academy"], row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToArray());
    }
}
