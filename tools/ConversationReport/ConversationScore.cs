using System.Text;
using System.Text.Json;
using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Teams.Conversation.Understanding;

namespace AiPolicyBot.Tools.ConversationReport;

/// <summary>
/// The figures of docs/conversation-quality.md for labelled rows and what the bot understood: intent accuracy (a
/// clarification whose candidates include the labelled intent counts as right, and is counted separately), tool
/// accuracy (register ids exact; unknown names compared lower-case, letters and digits only), both right, the
/// clarification rate, per-intent precision and recall, the confusion matrix and every miss.
/// </summary>
internal sealed class ConversationScore
{
    private readonly List<(ChatExample Row, UnderstoodMessage Got, bool IntentOk, bool ToolOk)> _rows = [];

    public static ConversationScore Compute(IEnumerable<(ChatExample Row, UnderstoodMessage Got)> results)
    {
        var s = new ConversationScore();
        foreach (var (row, got) in results)
        {
            var intentOk = got.Intent == Intent.Clarify
                ? got.Candidates.Any(c => c.Label() == row.Intent)
                : got.Intent.Label() == row.Intent;
            s._rows.Add((row, got, intentOk, ToolMatches(row.Tool, got.ToolLabel)));
        }
        return s;
    }

    public static bool ToolMatches(string? expected, string? got)
    {
        if (expected is null || got is null) return expected is null && got is null;
        const string unknown = "unknown:";
        var e = expected.StartsWith(unknown, StringComparison.OrdinalIgnoreCase);
        var g = got.StartsWith(unknown, StringComparison.OrdinalIgnoreCase);
        if (e != g) return false;
        return e ? Fold(expected[unknown.Length..]) == Fold(got[unknown.Length..]) : string.Equals(expected, got, StringComparison.Ordinal);
    }

    private static string Fold(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    public string ToMarkdown()
    {
        var n = _rows.Count;
        var sb = new StringBuilder();
        if (n == 0) return "No rows.";
        var clar = _rows.Count(r => r.Got.Intent == Intent.Clarify);
        var clarRight = _rows.Count(r => r.Got.Intent == Intent.Clarify && r.IntentOk);
        string Pct(int k) => $"{k}/{n} = {100.0 * k / n:F1} %";
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| intent accuracy | {Pct(_rows.Count(r => r.IntentOk))} |");
        sb.AppendLine($"| of which clarifications with the right intent among the buttons | {clarRight} |");
        sb.AppendLine($"| tool accuracy | {Pct(_rows.Count(r => r.ToolOk))} |");
        sb.AppendLine($"| both right | {Pct(_rows.Count(r => r.IntentOk && r.ToolOk))} |");
        sb.AppendLine($"| clarification rate | {Pct(clar)} |");
        var withFilters = _rows.Where(r => r.Row.Filters is { ValueKind: JsonValueKind.Object }).ToList();
        if (withFilters.Count > 0)
        {
            var exact = withFilters.Count(r => FiltersMatch(r.Row.Filters!.Value, UnderstandingFilters.From(r.Got)));
            sb.AppendLine($"| filters exactly right (rows with a filters field) | {exact}/{withFilters.Count} = {100.0 * exact / withFilters.Count:F1} % |");
        }
        sb.AppendLine();

        var labels = _rows.Select(r => r.Row.Intent).Concat(_rows.Select(r => Shown(r))).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();
        sb.AppendLine("## Per intent (a clarification counts for the labelled intent when offered, else as \"clarify\")");
        sb.AppendLine();
        sb.AppendLine("| intent | labelled | precision | recall |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var l in labels.Where(l => l != "clarify"))
        {
            var labelled = _rows.Count(r => r.Row.Intent == l);
            var predicted = _rows.Count(r => Shown(r) == l);
            var tp = _rows.Count(r => r.Row.Intent == l && Shown(r) == l);
            sb.AppendLine($"| {l} | {labelled} | {(predicted == 0 ? "–" : $"{(double)tp / predicted:F3}")} | {(labelled == 0 ? "–" : $"{(double)tp / labelled:F3}")} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Confusion matrix (rows: labelled, columns: understood)");
        sb.AppendLine();
        sb.AppendLine("| labelled \\ got | " + string.Join(" | ", labels) + " |");
        sb.AppendLine("|---|" + string.Concat(labels.Select(_ => "---:|")));
        foreach (var l in labels.Where(l => _rows.Any(r => r.Row.Intent == l)))
            sb.AppendLine($"| {l} | " + string.Join(" | ", labels.Select(c => _rows.Count(r => r.Row.Intent == l && Shown(r) == c))) + " |");
        sb.AppendLine();
        sb.AppendLine("## Misses");
        sb.AppendLine();
        sb.AppendLine("| text | expected | got |");
        sb.AppendLine("|---|---|---|");
        foreach (var r in _rows.Where(r => !r.IntentOk || !r.ToolOk))
        {
            var got = r.Got.Intent == Intent.Clarify ? $"clarify({string.Join(",", r.Got.Candidates.Select(c => c.Label()))})" : r.Got.Intent.Label();
            sb.AppendLine($"| {Cell(r.Row.Text)} | {r.Row.Intent} {r.Row.Tool ?? "null"} | {(r.IntentOk ? "" : "**")}{got}{(r.IntentOk ? "" : "**")} {(r.ToolOk ? "" : "**")}{r.Got.ToolLabel ?? "null"}{(r.ToolOk ? "" : "**")} p={r.Got.Confidence:F2} |");
        }
        return sb.ToString();
    }

    /// <summary>The intent as scored: a clarification offering the labelled intent counts as that intent.</summary>
    private static string Shown((ChatExample Row, UnderstoodMessage Got, bool IntentOk, bool ToolOk) r) =>
        r.Got.Intent == Intent.Clarify ? (r.IntentOk ? r.Row.Intent : "clarify") : r.Got.Intent.Label();

    private static bool FiltersMatch(JsonElement expected, Dictionary<string, object> got)
    {
        var e = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString().ToLowerInvariant());
        return e.Count == got.Count && got.All(kv => e.TryGetValue(kv.Key, out var v) && v == kv.Value.ToString()!.ToLowerInvariant());
    }

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");
}
