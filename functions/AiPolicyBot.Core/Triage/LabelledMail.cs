using System.Reflection;
using System.Text.Json;

namespace AiPolicyBot.Triage;

/// <summary>A mail with its expected category (training and evaluation rows, JSON Lines as in tests/fixtures).</summary>
public sealed record LabelledMail(string Id, MailToTriage Mail, TriageCategory Expected, string Notes)
{
    public static LabelledMail Parse(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        var r = doc.RootElement;
        string S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (r.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
            foreach (var p in h.EnumerateObject()) headers[p.Name] = p.Value.ToString();
        if (!TriageCategories.TryParse(S("expected"), out var expected))
            throw new FormatException($"Row {S("id")}: unknown category '{S("expected")}'.");
        return new(S("id"), new MailToTriage(S("from"), S("to"), S("subject"), S("body"), headers), expected, S("notes"));
    }

    public static IReadOnlyList<LabelledMail> ParseLines(IEnumerable<string> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Parse).ToList();

    /// <summary>The synthetic training mail shipped inside this assembly (TrainingData/triage-train.jsonl).</summary>
    public static IReadOnlyList<LabelledMail> EmbeddedTrainingSet()
    {
        var assembly = typeof(LabelledMail).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("triage-train.jsonl", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return ParseLines(reader.ReadToEnd().Split('\n'));
    }
}
