using System.Text.Json;
using AiPolicyBot.Academies;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>PolicyRouter.Evaluate (rules R0–R12) on a few typical intakes against the demo register.</summary>
public class PolicyRoutingBenchmarks
{
    private static readonly IReadOnlySet<string> Academies = new HashSet<string>
    {
        "academy-a", "oakfield", "brookmere", "hillcrest", "riverside", "st-aidans", "kingsmoor", AcademyOptions.TrustId,
    };

    private const string Base = """
        { "requestType": "newTool", "academyId": "academy-a", "role": "teacher", "toolName": "ExampleChat",
          "edition": "freeConsumer", "accessMode": "webBrowser",
          "purpose": "Draft a Year 9 history quiz from made-up source material.",
          "useCategory": "lessonPlanning", "users": "staff", "dataCategories": ["none"],
          "vendorTrainsOnInputs": "yes", "outputUse": "draftsEdited", "declNoDataYet": true, "declReadPolicy": true }
        """;

    /// <summary>Unknown free tool, no data (academy route); ChatGPT new use (already approved); learners under 13 with pupil data; declined tool.</summary>
    public static readonly Dictionary<string, string> Intakes = new()
    {
        ["unknown-tool"] = Base,
        ["already-approved"] = Base.Replace("\"ExampleChat\"", "\"ChatGPT\"").Replace("\"newTool\"", "\"newUse\""),
        ["learners-data"] = Base.Replace("\"users\": \"staff\"", "\"users\": \"staffAndLearners\", \"youngestYearGroup\": \"Y5\"")
                                .Replace("[\"none\"]", "[\"pupil\"]"),
        ["declined-tool"] = Base.Replace("\"ExampleChat\"", "\"Grammarly\""),
    };

    private readonly PolicyRouter _router = new(new PolicyOptions());
    private readonly RegisterSnapshot _register = new(DemoRegister.Entries);
    private readonly DateOnly _today = new(2026, 11, 27);
    private Intake _intake = null!;

    [ParamsSource(nameof(Names))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> Names => Intakes.Keys;

    [GlobalSetup]
    public void Setup() => _intake = Parse(Intakes[Case]);

    public static Intake Parse(string json)
    {
        var result = new IntakeParser(Academies).Parse(JsonDocument.Parse(json).RootElement);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Benchmark]
    public RoutingOutcome Route() => _router.Evaluate(_intake, _register, trainingDone: false, _today);
}
