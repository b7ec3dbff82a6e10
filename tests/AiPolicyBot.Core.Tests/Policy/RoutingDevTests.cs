using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using static AiPolicyBot.Core.Tests.Policy.TestIntakes;

namespace AiPolicyBot.Core.Tests.Policy;

/// <summary>Every case of tests/fixtures/routing-dev.jsonl, evaluated as the what-if of docs/policy-and-register.md</summary>
public class RoutingDevTests
{
    private static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "fixtures", "routing-dev.jsonl");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(FilePath).Where(l => l.Trim().Length > 0))
            data.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_routes_as_expected(string id)
    {
        var line = File.ReadLines(FilePath).Single(l => l.Contains($"\"{id}\""));
        var c = JsonDocument.Parse(line).RootElement;
        var expected = c.GetProperty("expected");
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["intake"] = System.Text.Json.Nodes.JsonNode.Parse(c.GetProperty("intake").GetRawText()),
            ["context"] = new System.Text.Json.Nodes.JsonObject
            {
                ["today"] = c.GetProperty("today").GetString(),
                ["register"] = System.Text.Json.Nodes.JsonNode.Parse(c.GetProperty("register").GetRawText()),
                ["trainingDone"] = c.TryGetProperty("trainingDone", out var t) && t.ValueKind == JsonValueKind.True,
            },
        };
        var parsed = EvaluationRequestParser.Parse(JsonDocument.Parse(body.ToJsonString()).RootElement, Parser);

        if (expected.TryGetProperty("validationError", out var v) && v.GetBoolean())
        {
            Assert.False(parsed.Succeeded);
            var invalid = expected.GetProperty("invalidFields").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(invalid.Order(), parsed.Errors.Select(e => e.Field).Distinct().Order());
            return;
        }

        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var r = parsed.Value!;
        var outcome = Route(r.Intake, new RegisterSnapshot(r.Register!), r.TrainingDone ?? false, r.Today);

        Assert.Equal(expected.GetProperty("tier").GetString(), WireEnum<Tier>.Name(outcome.Tier));
        Assert.Equal(expected.GetProperty("requiresItInstall").GetBoolean(), outcome.RequiresItInstall);
        Assert.Equal(expected.GetProperty("firstRule").GetString(), outcome.Reasons[0].Rule);
        Assert.Equal(expected.GetProperty("registerEntryId").GetString(), outcome.RegisterEntryId);
        foreach (var code in expected.GetProperty("mustIncludeConditions").EnumerateArray())
            Assert.Contains(code.GetString()!, outcome.Conditions);
        foreach (var code in expected.GetProperty("mustNotIncludeConditions").EnumerateArray())
            Assert.DoesNotContain(code.GetString()!, outcome.Conditions);
        var notes = c.GetProperty("notes").GetString()!;
        var fired = notes.Split("rules fired:").Last().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (notes.Contains("rules fired:")) Assert.Equal(fired, outcome.Reasons.Select(x => x.Rule));
    }
}
