using System.Globalization;

namespace AiPolicyBot.Tools.ScaleData;

/// <summary>
/// What to generate: <c>--prefix P</c> (the tables' prefix, as Storage:TablePrefix), <c>--connection CS</c> (default
/// AIPOLICYBOT_TEST_STORAGE, else local Azurite), <c>--people</c>, <c>--requests</c>, <c>--audit</c>, <c>--triage</c>,
/// <c>--seed</c> and <c>--today</c> (yyyy-MM-dd, default today in UTC). The same seed and today give the same rows.
/// <c>--audit-stream-rows N</c> (default 4, about a request's real history) puts the audit rows into streams of N rows,
/// one per request from the oldest; each stream is one transaction, so larger streams generate faster on Azurite.
/// </summary>
public sealed record ScaleOptions(string Prefix, string Connection, int People, int Requests, int Audit, int Triage, int Seed, DateOnly Today,
    int AuditStreamRows = 4)
{
    public static ScaleOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --name value, got '{args[i]}'");
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0) throw new ArgumentException($"'{args[^1]}' has no value");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var prefix = values.GetValueOrDefault("prefix") ?? throw new ArgumentException("--prefix is required (the tables' Storage:TablePrefix)");
        var connection = values.GetValueOrDefault("connection")
                         ?? (Environment.GetEnvironmentVariable("AIPOLICYBOT_TEST_STORAGE") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true");
        var today = values.TryGetValue("today", out var t)
            ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(DateTime.UtcNow);
        return new(prefix, connection, Number("people", 20_000), Number("requests", 50_000), Number("audit", 200_000),
            Number("triage", 5_000), Number("seed", 18), today, Math.Clamp(Number("audit-stream-rows", 4), 1, 99));
    }
}
