using AiPolicyBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>HTTP triggers: one line each, over the host-independent endpoints in AiPolicyBot.Hosting.</summary>
public sealed class HttpFunctions(HealthEndpoint health)
{
    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) => health.Handle();
}
