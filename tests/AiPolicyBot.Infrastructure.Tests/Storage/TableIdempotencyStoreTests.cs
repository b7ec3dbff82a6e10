using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public sealed class TableIdempotencyStoreTests() : TestTables("idmtests")
{
    private TableIdempotencyStore Store => new(Tables, TimeProvider.System);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Only_the_first_of_many_concurrent_claims_wins_and_release_allows_another()
    {
        const string activityId = "f:1234567890/activity#1?x"; // activity ids may contain characters keys forbid
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Store.TryClaimAsync("teams-activity", activityId, Ct))));
        Assert.Equal(1, claims.Count(c => c));

        Assert.True(await Store.TryClaimAsync("mail-job", activityId, Ct)); // scopes are separate
        await Store.ReleaseAsync("teams-activity", activityId, Ct);
        Assert.True(await Store.TryClaimAsync("teams-activity", activityId, Ct));
        Assert.False(await Store.TryClaimAsync("teams-activity", activityId, Ct));
    }
}
