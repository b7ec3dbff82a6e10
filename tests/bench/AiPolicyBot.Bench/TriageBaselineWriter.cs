using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Bench;

/// <summary>
/// Writes the triage regression baseline (tests/AiPolicyBot.Core.Tests/Triage/triage-baseline.jsonl): the full
/// result for every training, dev and unseen mail, and the priority rules that fire on run-on texts (sentence
/// breaks removed, ten mails joined) that are far longer than any real sentence. Made once on the code before the
/// issue-11 regex change, so the test proves the change classifies every mail identically.
/// Usage: "triage-baseline DEV.jsonl UNSEEN.jsonl OUT.jsonl".
/// </summary>
public static class TriageBaselineWriter
{
    public static void Run(string devPath, string unseenPath, string outPath)
    {
        var sets = new (string Name, IReadOnlyList<LabelledMail> Rows)[]
        {
            ("train", LabelledMail.EmbeddedTrainingSet()),
            ("dev", LabelledMail.ParseLines(File.ReadAllLines(devPath))),
            ("unseen", LabelledMail.ParseLines(File.ReadAllLines(unseenPath))),
        };
        var classifier = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
        var lines = new List<string>();
        foreach (var (name, rows) in sets)
        {
            foreach (var row in rows)
                lines.Add(Line(name, row.Id, "classify", JsonSerializer.SerializeToNode(classifier.Classify(row.Mail), AiPolicyJson.Options)));
            foreach (var row in rows)
                lines.Add(Line(name, row.Id, "rules-run-on", Rules(RunOn(row.Mail.Subject + ". " + row.Mail.Body))));
            for (var i = 0; i < rows.Count; i += 10)
            {
                var group = rows.Skip(i).Take(10).ToList();
                var text = RunOn(string.Join(" ", group.Select(r => r.Mail.Subject + ". " + r.Mail.Body)));
                lines.Add(Line(name, group[0].Id + "+" + (group.Count - 1), "rules-run-on", Rules(text)));
            }
        }
        File.WriteAllLines(outPath, lines);
        Console.WriteLine($"{lines.Count} lines written to {outPath}");
    }

    /// <summary>The text with no sentence breaks left: one sentence for the rules.</summary>
    public static string RunOn(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) sb.Append(ch is '.' or '!' or '?' ? ',' : ch is '\n' or '\r' ? ' ' : ch);
        return sb.ToString();
    }

    private static string Rules(string text) => string.Join(",", PriorityRules.Match(text).Select(r => r.Id));

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Line(string set, string id, string kind, JsonNode? value) =>
        new JsonObject { ["set"] = set, ["id"] = id, ["kind"] = kind, ["value"] = value }.ToJsonString(Readable);
}
