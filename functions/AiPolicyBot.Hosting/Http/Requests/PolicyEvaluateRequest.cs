using System.Reflection;
using AiPolicyBot.Academies;
using AiPolicyBot.Policy;

namespace AiPolicyBot.Hosting;

/// <summary>POST /api/policy/evaluate's body, read (<see cref="RequestBody"/>) and validated once.</summary>
public sealed record PolicyEvaluateRequest(EvaluationRequest? Value, ProblemHttpResult? Problem)
    : IBindableFromHttpContext<PolicyEvaluateRequest>
{
    public static async ValueTask<PolicyEvaluateRequest?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await BindAsync(context.Request, context.RequestAborted);

    public static async Task<PolicyEvaluateRequest> BindAsync(HttpRequest request, CancellationToken ct)
    {
        var (document, problem) = await RequestBody.ReadJsonAsync(request, RequestBody.AdminJsonBytes, "body", ct);
        if (problem is not null) return new PolicyEvaluateRequest(null, problem);
        using (document)
        {
            var academies = request.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AcademyOptions>>().CurrentValue;
            var parsed = EvaluationRequestParser.Parse(document!.RootElement, new IntakeParser(academies.ValidIds()));
            return new PolicyEvaluateRequest(parsed.Value, parsed.Succeeded ? null : ApiProblems.Invalid(parsed.Errors));
        }
    }
}
