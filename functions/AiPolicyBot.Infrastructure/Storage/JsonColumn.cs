using System.Text.Json;
using AiPolicyBot.Common;

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

    public static T Read<T>(string? json, string what) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidOperationException($"{what} has no {Name} column."), AiPolicyJson.Options)
        ?? throw new InvalidOperationException($"{what} holds null JSON.");
}
