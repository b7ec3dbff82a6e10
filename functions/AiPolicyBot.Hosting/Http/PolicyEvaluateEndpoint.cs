using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/policy/evaluate (docs/spec/http-api.md): routes a bare intake against the live register, or a what-if
/// with its own context. Changes nothing. Bad input → 400 naming every bad field.
/// </summary>
public sealed class PolicyEvaluateEndpoint(
    RegisterCache register,
    IOptionsMonitor<PolicyOptions> policy,
    TimeProvider time,
    ILogger<PolicyEvaluateEndpoint> logger)
{
    public async Task<Results<JsonHttpResult<RoutingOutcome>, ProblemHttpResult>> HandleAsync(PolicyEvaluateRequest request, CancellationToken ct)
    {
        if (request.Value is not { } input) return request.Problem!;

        RegisterSnapshot snapshot;
        if (input.Register is not null)
        {
            snapshot = new RegisterSnapshot(input.Register, "what-if");
        }
        else
        {
            try
            {
                snapshot = await register.GetAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The register could not be loaded");
                return ApiProblems.Unavailable("The register is not available; try again shortly.");
            }
        }

        var today = input.Today ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // No requester on this admin route, so a live training record counts as absent (docs/policy-and-register.md).
        var outcome = new PolicyRouter(policy.CurrentValue).Evaluate(input.Intake, snapshot, input.TrainingDone ?? false, today);
        return TypedResults.Json(outcome, AiPolicyJson.Options);
    }
}
