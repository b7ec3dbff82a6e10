using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Academies;

namespace AiPolicyBot.Testing.Requests;

/// <summary>
/// The base intake of the tests ("intake B", tests/README.md): a teacher drafting a Year 9 history quiz in a free web
/// chatbot, no personal data. Here as the wire JSON the API and the wizard send; <see cref="RequestSamples.Intake"/> is
/// the same intake as a record. A test states only what it changes, so what it depends on stands out.
/// </summary>
public static class IntakeSamples
{
    /// <summary>The academies the tests' parsers accept ("academy-a" is the one intake B names).</summary>
    public static readonly IReadOnlySet<string> Academies = new HashSet<string>
    {
        "academy-a", "oakfield", "brookmere", "hillcrest", "riverside", "st-aidans", "kingsmoor", AcademyOptions.TrustId,
    };

    public const string BaseJson = """
        { "requestType": "newTool", "academyId": "academy-a", "role": "teacher", "toolName": "ExampleChat",
          "edition": "freeConsumer", "accessMode": "webBrowser",
          "purpose": "Draft a Year 9 history quiz from made-up source material.",
          "useCategory": "lessonPlanning", "users": "staff", "dataCategories": ["none"],
          "vendorTrainsOnInputs": "yes", "outputUse": "draftsEdited", "declNoDataYet": true, "declReadPolicy": true }
        """;

    /// <summary>Intake B with the given fields replaced (a JSON object of changes).</summary>
    public static JsonObject With(string changesJson = "{}") => With(JsonNode.Parse(changesJson)!.AsObject());

    /// <summary>Intake B with the given fields replaced.</summary>
    public static JsonObject With(JsonObject changes)
    {
        var node = JsonNode.Parse(BaseJson)!.AsObject();
        foreach (var (key, value) in changes.ToList()) node[key] = value?.DeepClone();
        return node;
    }

    /// <summary>Intake B as a teacher at Oakfield submits it from the wizard, for <paramref name="toolName"/> and one data category.</summary>
    public static JsonElement Submitted(string toolName = "ExampleChat", string data = "none") => JsonSerializer.SerializeToElement(
        With(new JsonObject { ["academyId"] = "oakfield", ["toolName"] = toolName, ["dataCategories"] = new JsonArray(data) }));
}
