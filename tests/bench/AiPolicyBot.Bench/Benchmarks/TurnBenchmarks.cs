using AiPolicyBot.Bench.Fixtures;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>
/// A full in-process /api/messages turn for "can I use chat gpt for lesson plans?" (MessagesEndpoint → reply card to a
/// fake connector), in local-development mode and with a signed channel token, over 500 warm conversations.
/// </summary>
public class TurnBenchmarks
{
    private InProcessBot _bot = null!;

    [Params(false, true)]
    public bool Jwt { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _bot = new InProcessBot(signedTokens: Jwt);
        await _bot.WarmUpAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        Console.WriteLine($"// reply card: {_bot.AverageReplyBytes} bytes on average");
        await _bot.DisposeAsync();
    }

    [Benchmark]
    public Task<int> AskCanIUse() => _bot.TurnAsync();
}
