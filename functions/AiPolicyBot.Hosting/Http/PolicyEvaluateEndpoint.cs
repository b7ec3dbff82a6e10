using AiPolicyBot.Academies;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/policy/evaluate (contracts.md §4): routes a bare intake against the live register, or a what-if with
/// its own context. Changes nothing. Bad input → 400 naming every bad field.
/// </summary>
public sealed class PolicyEvaluateEndpoint(
    RegisterCache register,
    IOptionsMonitor<PolicyOptions> policy,
    IOptionsMonitor<AcademyOptions> academies,
    TimeProvider time,
    ILogger<PolicyEvaluateEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        var (document, error) = await JsonBody.ReadAsync(request, ct);
        if (error is not null) return error;
        using (document)
        {
            var parsed = EvaluationRequestParser.Parse(document!.RootElement, new IntakeParser(academies.CurrentValue.ValidIds()));
            if (!parsed.Succeeded) return FieldErrorResults.BadRequest(parsed.Errors);
            var input = parsed.Value!;

            RegisterSnapshot snapshot;
            if (input.Register is not null) snapshot = new RegisterSnapshot(input.Register, "what-if");
            else
            {
                try { snapshot = await register.GetAsync(ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The register could not be loaded");
                    return Results.Json(new { error = "The register is not available; try again shortly." },
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            }
            var today = input.Today ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            // No requester on this admin route, so a live training record counts as absent (policy-routing.md §6).
            var outcome = new PolicyRouter(policy.CurrentValue).Evaluate(input.Intake, snapshot, input.TrainingDone ?? false, today);
            return Results.Json(outcome, AiPolicyJson.Options);
        }
    }
}
