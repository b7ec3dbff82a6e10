using System.Reflection;
using AiPolicyBot.Academies;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting;

/// <summary>POST /api/policy/evaluate's body, read (<see cref="RequestBody"/>) and validated once.</summary>
public sealed record PolicyEvaluateRequest(EvaluationRequest? Value, IReadOnlyList<FieldError> Errors)
    : IBindableFromHttpContext<PolicyEvaluateRequest>
{
    public static async ValueTask<PolicyEvaluateRequest?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await BindAsync(context.Request, context.RequestAborted);

    public static async Task<PolicyEvaluateRequest> BindAsync(HttpRequest request, CancellationToken ct)
    {
        var (document, error) = await RequestBody.ReadJsonAsync(request, RequestBody.AdminJsonBytes, "body", ct);
        if (error is not null) return new PolicyEvaluateRequest(null, [error]);
        using (document)
        {
            var academies = request.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AcademyOptions>>().CurrentValue;
            var parsed = EvaluationRequestParser.Parse(document!.RootElement, new IntakeParser(academies.ValidIds()));
            return new PolicyEvaluateRequest(parsed.Value, parsed.Succeeded ? [] : parsed.Errors);
        }
    }
}
