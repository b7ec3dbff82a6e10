using AiPolicyBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>HTTP triggers: one line each, over the host-independent endpoints in AiPolicyBot.Hosting.</summary>
public sealed class HttpFunctions(HealthEndpoint health, PolicyEvaluateEndpoint evaluate, RegisterSearchEndpoint search)
{
    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) => health.Handle();

    [Function("PolicyEvaluate")]
    public async Task<IResult> PolicyEvaluate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "policy/evaluate")] HttpRequest req, CancellationToken ct) =>
        await evaluate.HandleAsync(await PolicyEvaluateRequest.BindAsync(req, ct), ct);

    [Function("RegisterSearch")]
    public async Task<IResult> RegisterSearch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "register/search")] HttpRequest req, CancellationToken ct) =>
        await search.HandleAsync(RegisterSearchQuery.Bind(req), ct);
}
