using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Testing.Requests;

namespace AiPolicyBot.Core.Tests.Policy;

/// <summary>Intake B (<see cref="IntakeSamples"/>) parsed and routed as the policy API does.</summary>
public static class TestIntakes
{
    public static readonly IntakeParser Parser = new(IntakeSamples.Academies);
    public static readonly DateOnly Today = new(2026, 11, 27);

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
