using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>
/// Triage/triage-baseline.jsonl: main's results before the issue-11 regex change (NonBacktracking regexes), written
/// by the bench project's "triage-baseline" mode. One line per mail and kind: "classify" (the whole preview result)
/// for every training, dev and unseen mail, and "rules-run-on" (the priority rules that fire) on each mail and on
/// every ten mails joined, with sentence breaks removed so the rules see sentences of thousands of characters.
/// </summary>
public static class TriageBaseline
{
    public sealed record Line(string Set, string Id, string Kind, JsonNode? Value);

    public static readonly Lazy<IReadOnlyList<Line>> Lines = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Triage", "triage-baseline.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!)
            .Select(n => new Line((string)n["set"]!, (string)n["id"]!, (string)n["kind"]!, n["value"]?.DeepClone()))
            .ToList());

    public static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<LabelledMail>>> Sets = new(() =>
        new Dictionary<string, IReadOnlyList<LabelledMail>>
        {
            ["train"] = LabelledMail.EmbeddedTrainingSet(),
            ["dev"] = TriageDevSet.Rows.Value,
            ["unseen"] = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Triage", "triage-unseen.jsonl"))),
        });

    /// <summary>The text a "rules-run-on" line was made from: one mail ("id") or ten from it on ("id+9").</summary>
    public static string RunOnText(Line line)
    {
        var rows = Sets.Value[line.Set];
        var plus = line.Id.IndexOf('+');
        var first = plus < 0 ? line.Id : line.Id[..plus];
        var count = plus < 0 ? 1 : int.Parse(line.Id[(plus + 1)..]) + 1;
        var start = rows.ToList().FindIndex(r => r.Id == first);
        var group = rows.Skip(start).Take(count).ToList();
        return RunOn(count == 1
            ? group[0].Mail.Subject + ". " + group[0].Mail.Body
            : string.Join(" ", group.Select(r => r.Mail.Subject + ". " + r.Mail.Body)));
    }

    /// <summary>As the writer: sentence ends become commas and line breaks spaces, so the text is one sentence.</summary>
    public static string RunOn(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) sb.Append(ch is '.' or '!' or '?' ? ',' : ch is '\n' or '\r' ? ' ' : ch);
        return sb.ToString();
    }

    public static string Normalised(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static string Normalised<T>(T value) => JsonSerializer.SerializeToNode(value, Common.AiPolicyJson.Options)!.ToJsonString();
}
