using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>
/// The demo register plus 10,000 made-up tools (random names, vendors, a quarter with an alias), as the register
/// search latency test builds it, so the benchmark and the test measure the same thing.
/// </summary>
public static class SyntheticRegister
{
    public static IReadOnlyList<RegisterEntry> Entries(int extra = 10_000, int seed = 1)
    {
        var rng = new Random(seed);
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        string Word(int min, int max) => new(Enumerable.Range(0, rng.Next(min, max + 1)).Select(_ => letters[rng.Next(26)]).ToArray());
        var entries = DemoRegister.Entries.ToList();
        for (var i = 0; i < extra; i++)
        {
            entries.Add(new RegisterEntry
            {
                Id = $"tool-{i}",
                Name = char.ToUpper(Word(4, 9)[0]) + Word(3, 8) + (i % 3 == 0 ? " " + Word(3, 6) : ""),
                Vendor = Word(4, 10) + " Ltd",
                Aliases = i % 4 == 0 ? [Word(5, 10)] : [],
                Status = RegisterStatus.NotAssessed,
                Edition = Edition.FreeConsumer,
            });
        }
        return entries;
    }

    /// <summary>Typed queries: misspellings, aliases, vendors, a synthetic name, a near miss and unknown tools.</summary>
    public static string[] Queries(IReadOnlyList<RegisterEntry> entries) =>
    [
        "chat gtp", "co-pilot", "gemeni", "Bard", "grammerly", "perplexity", "khan academy", "teachermatic",
        entries[5000].Name, entries[7001].Name[..^1] + "x", "unknowntool", "otter ai",
    ];
}
