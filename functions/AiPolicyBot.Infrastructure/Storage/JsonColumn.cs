using System.Globalization;
using System.Text;
using System.Text.Json;
using AiPolicyBot.Common;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>Complex values are stored as one JSON string column, written with the one <see cref="AiPolicyJson.Options"/>.</summary>
internal static class JsonColumn
{
    public const string Name = "Json";
    // A string property holds at most 64 KiB (32k UTF-16 chars); Azurite does not enforce the 1 MiB entity limit.
    private const int MaxChars = 30_000;

    public static string Write<T>(T value, string what)
    {
        var json = JsonSerializer.Serialize(value, AiPolicyJson.Options);
        if (json.Length > MaxChars)
            throw new InvalidOperationException($"{what} is too large to store ({json.Length} characters, limit {MaxChars}).");
        return json;
    }

    /// <summary>
    /// Columns a growing document (a request: its questions, answers and decisions) may spread over: <c>Json</c>,
    /// then <c>Json1</c>… Twelve columns hold 360,000 characters (720 KB as UTF-16), inside the 1 MiB entity limit
    /// with room for the other properties; the domain's own bounds keep a request well below that (docs/storage.md).
    /// </summary>
    public const int MaxSpreadColumns = 12;

    /// <summary>Writes <paramref name="value"/> into <c>Json</c>, <c>Json1</c>, … as many as it needs.</summary>
    public static void WriteSpread<T>(TableEntity entity, T value, string what)
    {
        var json = JsonSerializer.Serialize(value, AiPolicyJson.Options);
        if (json.Length > MaxChars * MaxSpreadColumns)
            throw new InvalidOperationException($"{what} is too large to store ({json.Length} characters, limit {MaxChars * MaxSpreadColumns}).");
        for (int i = 0, start = 0; start < json.Length || i == 0; i++, start += MaxChars)
        {
            entity[SpreadName(i)] = json.Substring(start, Math.Min(MaxChars, json.Length - start));
        }
    }

    /// <summary>Reads what <see cref="WriteSpread"/> wrote (or a single <c>Json</c> column written by <see cref="Write"/>).</summary>
    public static T ReadSpread<T>(TableEntity entity, string what)
    {
        var first = entity.GetString(Name);
        if (first is null || !entity.ContainsKey(SpreadName(1))) return Read<T>(first, what);
        var json = new StringBuilder(first);
        for (var i = 1; entity.GetString(SpreadName(i)) is { } part; i++) json.Append(part);
        return Read<T>(json.ToString(), what);
    }

    private static string SpreadName(int index) => index == 0 ? Name : Name + index.ToString(CultureInfo.InvariantCulture);

    public static T Read<T>(string? json, string what) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidOperationException($"{what} has no {Name} column."), AiPolicyJson.Options)
        ?? throw new InvalidOperationException($"{what} holds null JSON.");
}
