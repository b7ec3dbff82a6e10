using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Register;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public sealed class TableRegisterStoreTests() : TestTables("regtests")
{
    private TableRegisterStore Store => new(Tables);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Added_entries_list_and_read_back_with_every_field()
    {
        await Store.AddAsync(Samples.Entry("chatgpt-free"), Ct);
        await Store.AddAsync(Samples.Entry("gemini", "Gemini") with { Aliases = ["Bard"] }, Ct);

        var all = await Store.ListAsync(Ct);
        Assert.Equal(["chatgpt-free", "gemini"], all.Select(e => e.Value.Id).Order());
        var chatgpt = await Store.GetAsync("chatgpt-free", Ct);
        Assert.NotNull(chatgpt);
        Assert.Equal(new DateOnly(2027, 7, 31), chatgpt.Value.ReviewBy);
        Assert.Equal(Policy.YearGroup.Y7, chatgpt.Value.Scope.MinYearGroup);
        Assert.Equal(["chat gpt", "openai chat"], chatgpt.Value.Aliases);
        Assert.Null(await Store.GetAsync("no-such-tool", Ct));
    }

    [Fact]
    public async Task Ids_with_characters_tables_forbid_are_stored_safely()
    {
        var odd = Samples.Entry("vendor/tool#1?x\\y");
        await Store.AddAsync(odd, Ct);
        Assert.Equal("vendor/tool#1?x\\y", (await Store.GetAsync("vendor/tool#1?x\\y", Ct))!.Value.Id);
    }

    [Fact]
    public async Task Duplicate_add_is_a_conflict()
    {
        await Store.AddAsync(Samples.Entry("otter-ai"), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AddAsync(Samples.Entry("otter-ai", "Other"), Ct));
        Assert.Equal("ChatGPT", (await Store.GetAsync("otter-ai", Ct))!.Value.Name);
    }

    [Fact]
    public async Task Stale_update_is_a_conflict_and_leaves_the_stored_entry()
    {
        var added = await Store.AddAsync(Samples.Entry("midjourney"), Ct);
        var retired = await Store.UpdateAsync(added.Value with { Status = RegisterStatus.Retired }, added.Version, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.UpdateAsync(added.Value with { Status = RegisterStatus.Approved }, added.Version, Ct));
        var read = (await Store.GetAsync("midjourney", Ct))!;
        Assert.Equal(RegisterStatus.Retired, read.Value.Status);
        Assert.Equal(retired.Version, read.Version);
    }
}
