using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// One labelled staff message, as in the training data and the scoring files: the text, the intent label
/// ("askTool"), the tool label ("chatgpt-free", "unknown:Perplexity" or null) and optional filters.
/// </summary>
public sealed record ChatExample
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("intent")] public string Intent { get; init; } = "";
    [JsonPropertyName("tool")] public string? Tool { get; init; }
    [JsonPropertyName("filters")] public JsonElement? Filters { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }

    /// <summary>
    /// Who wrote the row: "a" (the first author, the default) or "b" (the second, independent author). Training on one
    /// author and scoring the other is the development measure that no single voice can flatter.
    /// </summary>
    [JsonPropertyName("author")] public string? Author { get; init; }

    /// <summary>The author, "a" when the row does not say.</summary>
    public string Writer => string.IsNullOrEmpty(Author) ? "a" : Author;

    /// <summary>Written by hand, not a written variant of another row (variants carry <c>"source": "variant"</c>).</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>
    /// The row a written variant was made from ("variant of chat-train-03140: …"), else the row's own id: variants of
    /// one sentence must fall on the same side of any split, or a held-out figure flatters the model.
    /// </summary>
    public string Family
    {
        get
        {
            const string marker = "variant of ";
            if (Notes is { } n && n.StartsWith(marker, StringComparison.Ordinal))
            {
                var rest = n[marker.Length..];
                var end = rest.IndexOfAny([':', ' ', ';', ',']);
                return end > 0 ? rest[..end] : rest;
            }
            return Id ?? Text;
        }
    }

    /// <summary>Reads JSON lines (blank lines skipped); a malformed line names its number.</summary>
    public static IReadOnlyList<ChatExample> ParseLines(IEnumerable<string> lines)
    {
        var rows = new List<ChatExample>();
        var n = 0;
        foreach (var line in lines)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            ChatExample? row;
            try
            {
                row = JsonSerializer.Deserialize<ChatExample>(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"line {n}: {e.Message}", e);
            }
            if (row is null || string.IsNullOrWhiteSpace(row.Text) || string.IsNullOrWhiteSpace(row.Intent))
                throw new FormatException($"line {n}: text and intent are required");
            rows.Add(row);
        }
        return rows;
    }
}
