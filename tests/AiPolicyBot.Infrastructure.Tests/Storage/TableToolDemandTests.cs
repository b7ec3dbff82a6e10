using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Register;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

/// <summary>Tool demand on Azurite: buffered in memory, flushed with ETag increments, shared by instances.</summary>
public sealed class TableToolDemandTests() : TestTables("demand")
{
    private TableToolDemand NewInstance() =>
        new(Tables, TimeProvider.System, NullLogger<TableToolDemand>.Instance, flushEvery: TimeSpan.FromHours(1), readEvery: TimeSpan.Zero);

    [Fact]
    public async Task Counts_are_buffered_then_flushed_and_two_instances_add_up()
    {
        await using var a = NewInstance();
        await using var b = NewInstance();
        for (var i = 0; i < 3; i++) a.Record("chatgpt-free");
        a.Record("canva-edu");
        b.Record("chatgpt-free");
        b.Record("gemini-consumer");
        b.Record("gemini-consumer");

        // Before any flush each instance ranks by what it buffered itself.
        Assert.Equal(new ToolDemandCount("chatgpt-free", 3), (await a.TopAsync(1, CancellationToken.None))[0]);

        // Flushed concurrently: ETag-conditional increments lose nothing.
        await Task.WhenAll(a.FlushAsync(CancellationToken.None), b.FlushAsync(CancellationToken.None));
        await using var fresh = NewInstance();
        var top = await fresh.TopAsync(10, CancellationToken.None);
        Assert.Equal(
            [new ToolDemandCount("chatgpt-free", 4), new ToolDemandCount("gemini-consumer", 2), new ToolDemandCount("canva-edu", 1)],
            top);
        Assert.Equal(2, (await fresh.TopAsync(2, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Many_concurrent_flushes_of_the_same_tool_count_every_record()
    {
        var instances = Enumerable.Range(0, 5).Select(_ => NewInstance()).ToList();
        foreach (var d in instances) for (var i = 0; i < 7; i++) d.Record("copilot-m365");
        await Task.WhenAll(instances.Select(d => d.FlushAsync(CancellationToken.None)));
        await using var fresh = NewInstance();
        Assert.Equal(new ToolDemandCount("copilot-m365", 35), (await fresh.TopAsync(1, CancellationToken.None))[0]);
        foreach (var d in instances) await d.DisposeAsync();
    }

    [Fact]
    public async Task Odd_tool_ids_are_stored_under_safe_keys()
    {
        await using var d = NewInstance();
        d.Record("weird/id#1?");
        await d.FlushAsync(CancellationToken.None);
        await using var fresh = NewInstance();
        Assert.Equal(new ToolDemandCount("weird/id#1?", 1), (await fresh.TopAsync(1, CancellationToken.None))[0]);
    }

    [Fact]
    public async Task Asks_are_counted_per_month_with_unknown_tools_by_name_and_never_enter_the_top_list()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        await using var a = new TableToolDemand(Tables, clock, NullLogger<TableToolDemand>.Instance, flushEvery: TimeSpan.FromHours(1), readEvery: TimeSpan.Zero);
        a.Record("chatgpt-free");
        a.RecordUnknown("Perplexity");
        a.RecordUnknown("  Perplexity ");
        clock.Now += TimeSpan.FromHours(2); // December now
        a.Record("chatgpt-free");
        a.RecordUnknown("Gamma");
        await a.FlushAsync(CancellationToken.None);

        await using var fresh = NewInstance();
        Assert.Equal([new ToolDemandCount("chatgpt-free", 2)], await fresh.TopAsync(10, CancellationToken.None));
        var november = await fresh.AsksAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None);
        Assert.Equal([new ToolDemandCount("unknown:Perplexity", 2), new ToolDemandCount("chatgpt-free", 1)], november);
        var december = await fresh.AsksAsync(new DateOnly(2026, 12, 5), null, CancellationToken.None);
        Assert.Equal([new ToolDemandCount("chatgpt-free", 1), new ToolDemandCount("unknown:Gamma", 1)], december);
        Assert.Equal(3, (await fresh.AsksAsync(null, null, CancellationToken.None)).Count);
    }
}
