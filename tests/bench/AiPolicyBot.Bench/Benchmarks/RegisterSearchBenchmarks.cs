using AiPolicyBot.Bench.Fixtures;
using AiPolicyBot.Register;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>
/// RegisterSearch over the demo register plus 10,000 synthetic entries: typed queries (Search, one op = the 12 queries)
/// and the message match a "can I use X?" turn does (FindInText). Per-call percentiles: the "percentiles" harness.
/// </summary>
public class RegisterSearchBenchmarks
{
    private RegisterSearch _search = null!;
    private string[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var entries = SyntheticRegister.Entries();
        _search = new RegisterSnapshot(entries).Search;
        _queries = SyntheticRegister.Queries(entries);
        if (_search.Search("chat gtp")[0].Entry.Id != "chatgpt-free") throw new InvalidOperationException("search is wrong");
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int SearchTwelveQueries()
    {
        var n = 0;
        foreach (var q in _queries) n += _search.Search(q).Count;
        return n;
    }

    [Benchmark]
    public TextMatch FindInMessage() => _search.FindInText("can I use chat gpt for lesson plans?");
}
