using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Core.Tests.Register;

public class RegisterCacheTests
{
    /// <summary>Counts list calls so tests can see that the hot path does not touch storage.</summary>
    private sealed class CountingStore(IRegisterStore inner) : IRegisterStore
    {
        public int Lists;
        public Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct) { Interlocked.Increment(ref Lists); return inner.ListAsync(ct); }
        public Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct) => inner.GetAsync(id, ct);
        public Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct) => inner.AddAsync(entry, ct);
        public Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct) => inner.UpdateAsync(entry, version, ct);
    }

    [Fact]
    public async Task Empty_store_is_seeded_with_the_demo_register_once_and_served_from_memory()
    {
        var store = new CountingStore(new InMemoryRegisterStore());
        using var cache = new RegisterCache(store, TimeProvider.System, TimeSpan.Zero, DemoRegister.Entries);
        var first = await cache.GetAsync();
        Assert.Equal(DemoRegister.Entries.Select(e => e.Id).Order(), first.Entries.Select(e => e.Id).Order());
        var lists = store.Lists;
        for (var i = 0; i < 100; i++) Assert.Same(first, await cache.GetAsync());
        Assert.Equal(lists, store.Lists);
        Assert.Equal(DemoRegister.Entries.Count, (await store.ListAsync(default)).Count);
    }

    [Fact]
    public async Task Without_a_seed_an_empty_store_stays_empty()
    {
        // Outside Development nothing is seeded: the bot must not answer from invented decisions.
        var store = new InMemoryRegisterStore();
        using var cache = new RegisterCache(store, TimeProvider.System, TimeSpan.Zero);
        Assert.Empty((await cache.GetAsync()).Entries);
        Assert.Empty(await store.ListAsync(default));
    }

    [Fact]
    public async Task Refresh_picks_up_a_change_and_does_not_reseed_a_non_empty_store()
    {
        var store = new InMemoryRegisterStore();
        await store.AddAsync(new RegisterEntry { Id = "only", Name = "OnlyTool", Status = RegisterStatus.Approved }, default);
        using var cache = new RegisterCache(store, TimeProvider.System, TimeSpan.Zero, DemoRegister.Entries);
        var before = await cache.GetAsync();
        Assert.Equal(["only"], before.Entries.Select(e => e.Id));

        var current = await store.GetAsync("only", default);
        await store.UpdateAsync(current!.Value with { Status = RegisterStatus.Declined }, current.Version, default);
        Assert.Equal(RegisterStatus.Approved, (await cache.GetAsync()).Get("only")!.Status); // still the snapshot
        var after = await cache.RefreshAsync();
        Assert.Equal(RegisterStatus.Declined, after.Get("only")!.Status);
        Assert.Same(after, await cache.GetAsync());
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public async Task Periodic_refresh_runs_on_the_time_provider()
    {
        var time = new ManualTimeProvider();
        var store = new CountingStore(new InMemoryRegisterStore());
        using var cache = new RegisterCache(store, time, TimeSpan.FromMinutes(5));
        await cache.GetAsync();
        var lists = store.Lists;
        time.FireTimers();
        for (var i = 0; i < 50 && store.Lists == lists; i++) await Task.Delay(10);
        Assert.True(store.Lists > lists);
    }

    [Fact]
    public async Task Stale_version_is_a_conflict_in_the_memory_store()
    {
        var store = new InMemoryRegisterStore();
        var added = await store.AddAsync(new RegisterEntry { Id = "x", Name = "X", Status = RegisterStatus.NotAssessed }, default);
        await store.UpdateAsync(added.Value with { Name = "X2" }, added.Version, default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateAsync(added.Value with { Name = "X3" }, added.Version, default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(added.Value, default));
    }

    [Fact]
    public void Routing_matches_name_and_alias_exactly_after_normalisation()
    {
        var snapshot = new RegisterSnapshot(DemoRegister.Entries);
        Assert.Equal("chatgpt-free", Assert.Single(snapshot.FindExact("chat-gpt")).Id);
        Assert.Equal("m365-copilot-chat", Assert.Single(snapshot.FindExact("BING chat enterprise")).Id);
        Assert.Empty(snapshot.FindExact("chat gtp")); // routing never guesses: typos are for search only
        Assert.Empty(snapshot.FindExact("Microsoft")); // vendors are not names
    }
}
