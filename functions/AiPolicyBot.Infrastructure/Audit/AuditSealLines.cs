using System.Text.Json;
using AiPolicyBot.Audit;

namespace AiPolicyBot.Infrastructure.Audit;

/// <summary>The seal format, shared by the blob and the file: one JSON object per line {"stream","sequence","hash","at"}.</summary>
internal static class AuditSealLines
{
    private sealed record Line(string Stream, long Sequence, string Hash, DateTimeOffset At);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<AuditHead> heads, DateTimeOffset at) =>
        string.Concat(heads.Select(h => JsonSerializer.Serialize(new Line(h.Stream, h.Sequence, h.Hash, at), Options) + "\n"));

    /// <summary>The heads in <paramref name="text"/>; a torn last line (a write cut short) is skipped.</summary>
    public static IEnumerable<AuditHead> Read(string text)
    {
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Line? line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(raw, Options);
            }
            catch (JsonException)
            {
                continue;
            }
            if (line is { Stream.Length: > 0, Hash.Length: > 0 }) yield return new AuditHead(line.Stream, line.Sequence, line.Hash);
        }
    }
}
