using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Core.Tests.Policy;

/// <summary>The base intake B of docs/policy-and-register.md and helpers to vary it and evaluate it.</summary>
public static class TestIntakes
{
    public static readonly IReadOnlySet<string> Academies = new HashSet<string>
    {
        "academy-a", "oakfield", "brookmere", "hillcrest", "riverside", "st-aidans", "kingsmoor", AcademyOptions.TrustId,
    };

    public static readonly IntakeParser Parser = new(Academies);
    public static readonly DateOnly Today = new(2026, 11, 27);

    public const string BaseJson = """
        { "requestType": "newTool", "academyId": "academy-a", "role": "teacher", "toolName": "ExampleChat",
          "edition": "freeConsumer", "accessMode": "webBrowser",
          "purpose": "Draft a Year 9 history quiz from made-up source material.",
          "useCategory": "lessonPlanning", "users": "staff", "dataCategories": ["none"],
          "vendorTrainsOnInputs": "yes", "outputUse": "draftsEdited", "declNoDataYet": true, "declReadPolicy": true }
        """;

    /// <summary>B with the given fields replaced (a JSON object of changes).</summary>
    public static JsonObject With(string changesJson = "{}")
    {
        var node = JsonNode.Parse(BaseJson)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(changesJson)!.AsObject().ToList())
            node[key] = value?.DeepClone();
        return node;
    }

    public static Intake Parse(JsonNode node)
    {
        var result = Parser.Parse(JsonDocument.Parse(node.ToJsonString()).RootElement);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Value!;
    }

    public static RoutingOutcome Route(Intake intake, RegisterSnapshot? register = null, bool trainingDone = false,
        DateOnly? today = null, PolicyOptions? options = null) =>
        new PolicyRouter(options ?? new PolicyOptions())
            .Evaluate(intake, register ?? new RegisterSnapshot(DemoRegister.Entries), trainingDone, today ?? Today);
}
