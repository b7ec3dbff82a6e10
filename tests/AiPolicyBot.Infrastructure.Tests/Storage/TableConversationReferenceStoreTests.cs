using AiPolicyBot.Conversations;
using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

/// <summary>Round trips against Azurite (AIPOLICYBOT_TEST_STORAGE), with real Teams id shapes.</summary>
public sealed class TableConversationReferenceStoreTests() : TestTables("convrefs")
{
    private TableConversationReferenceStore Store() => new(Tables);

    private static ConversationReference Personal(string aad) => new(
        $"a:1{Guid.NewGuid():N}/with#odd?chars", "https://smba.trafficmanager.net/emea/", "msteams",
        "72f988bf-86f1-41af-91ab-2d7cd011db47", "personal", "29:1XJKJMvc5GBtc2Jw", aad, "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", "AiPolicyBot");

    [Fact]
    public async Task Saved_reference_reads_back_by_conversation_and_by_user()
    {
        var store = Store();
        var aad = Guid.NewGuid().ToString();
        var reference = Personal(aad);

        await store.SaveAsync(reference, CancellationToken.None);

        Assert.Equal(reference, await store.GetAsync(reference.ConversationId, CancellationToken.None));
        Assert.Equal(reference, await store.FindPersonalAsync(aad.ToUpperInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task Saving_again_replaces_and_channel_references_get_no_user_index()
    {
        var store = Store();
        var channel = new ConversationReference($"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1611060744833",
            "https://smba.trafficmanager.net/amer/", "msteams", "t", "channel", null, null, "28:bot", null);
        await store.SaveAsync(channel, CancellationToken.None);
        var moved = channel with { ServiceUrl = "https://smba.trafficmanager.net/emea/" };
        await store.SaveAsync(moved, CancellationToken.None);

        Assert.Equal(moved, await store.GetAsync(channel.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_the_reference_and_its_user_index_and_tolerates_missing_ones()
    {
        var store = Store();
        var aad = Guid.NewGuid().ToString();
        var reference = Personal(aad);
        await store.SaveAsync(reference, CancellationToken.None);

        await store.DeleteAsync(reference.ConversationId, CancellationToken.None);
        await store.DeleteAsync(reference.ConversationId, CancellationToken.None);

        Assert.Null(await store.GetAsync(reference.ConversationId, CancellationToken.None));
        Assert.Null(await store.FindPersonalAsync(aad, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_ids_are_null()
    {
        Assert.Null(await Store().GetAsync("a:never-seen", CancellationToken.None));
        Assert.Null(await Store().FindPersonalAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }
}
