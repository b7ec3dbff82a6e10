using System.Text.Json;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using Xunit.Abstractions;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>
/// tests/fixtures/chat-dev.jsonl is held out: the rules were written from general phrasing, not fitted to these rows.
/// Prints the figures and every miss; asserts intent ≥ 90 % and tool ≥ 95 %.
/// </summary>
public sealed class ChatDevAccuracyTests(ITestOutputHelper output)
{
    private sealed record Row(string Id, string Text, string Intent, string? Tool);

    private static IReadOnlyList<Row> Rows() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "chat-dev.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<Row>(l, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
            .ToList();

    [Fact]
    public void Intent_and_tool_accuracy_on_the_dev_set()
    {
        var register = new RegisterSnapshot(DemoRegister.Entries);
        var rows = Rows();
        Assert.Equal(120, rows.Count);
        int intentRight = 0, toolRight = 0;
        foreach (var row in rows)
        {
            var u = IntentRecognizer.Recognise(row.Text, register);
            var intentOk = u.Intent.Label() == row.Intent;
            var toolOk = string.Equals(u.ToolLabel, row.Tool, StringComparison.OrdinalIgnoreCase);
            if (intentOk) intentRight++; else output.WriteLine($"INTENT MISS {row.Id}: \"{row.Text}\" expected {row.Intent}, got {u.Intent.Label()}");
            if (toolOk) toolRight++; else output.WriteLine($"TOOL MISS   {row.Id}: \"{row.Text}\" expected {row.Tool ?? "null"}, got {u.ToolLabel ?? "null"}");
        }
        var intentAcc = (double)intentRight / rows.Count;
        var toolAcc = (double)toolRight / rows.Count;
        output.WriteLine($"chat-dev: intent {intentRight}/{rows.Count} = {intentAcc:P1}; tool {toolRight}/{rows.Count} = {toolAcc:P1}");
        // Cost of understanding one message on a warm snapshot (the hot path's CPU part).
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) foreach (var row in rows) IntentRecognizer.Recognise(row.Text, register);
        output.WriteLine($"recognise: {sw.Elapsed.TotalMilliseconds / (5.0 * rows.Count):F3} ms per message (warm)");
        Assert.True(intentAcc >= 0.90, $"intent accuracy {intentAcc:P1} < 90 %");
        Assert.True(toolAcc >= 0.95, $"tool accuracy {toolAcc:P1} < 95 %");
    }
}
