using System.Text.Json;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Testing.Requests;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>PolicyRouter.Evaluate (rules R0–R12) on a few typical intakes against the demo register.</summary>
public class PolicyRoutingBenchmarks
{
    /// <summary>Unknown free tool, no data (academy route); ChatGPT new use (already approved); learners under 13 with pupil data; declined tool.</summary>
    public static readonly Dictionary<string, string> Intakes = new()
    {
        ["unknown-tool"] = IntakeSamples.BaseJson,
        ["already-approved"] = IntakeSamples.With("""{ "toolName": "ChatGPT", "requestType": "newUse" }""").ToJsonString(),
        ["learners-data"] = IntakeSamples.With("""{ "users": "staffAndLearners", "youngestYearGroup": "Y5", "dataCategories": ["pupil"] }""").ToJsonString(),
        ["declined-tool"] = IntakeSamples.With("""{ "toolName": "Grammarly" }""").ToJsonString(),
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
        var result = new IntakeParser(IntakeSamples.Academies).Parse(JsonDocument.Parse(json).RootElement);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Benchmark]
    public RoutingOutcome Route() => _router.Evaluate(_intake, _register, trainingDone: false, _today);
}
