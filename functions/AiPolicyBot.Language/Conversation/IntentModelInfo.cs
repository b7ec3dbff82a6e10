using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Language.Conversation;

/// <summary>What the committed model was made from, written next to it by tools/IntentTraining.</summary>
public sealed record IntentModelInfo
{
    [JsonPropertyName("dataSha256")] public string DataSha256 { get; init; } = "";
    [JsonPropertyName("rows")] public int Rows { get; init; }
    [JsonPropertyName("temperature")] public double Temperature { get; init; } = 1;
    [JsonPropertyName("labels")] public string[] Labels { get; init; } = [];

    public static IntentModelInfo Parse(string json) => JsonSerializer.Deserialize<IntentModelInfo>(json) ?? throw new FormatException("empty model info");

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}
