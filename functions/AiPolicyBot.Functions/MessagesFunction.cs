using AiPolicyBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>POST /api/messages (and HEAD): anonymous, because the channel's JWT is the authentication.</summary>
public sealed class MessagesFunction(MessagesEndpoint endpoint)
{
    [Function("Messages")]
    public Task Messages([HttpTrigger(AuthorizationLevel.Anonymous, "post", "head", Route = "messages")] HttpRequest req) =>
        endpoint.HandleAsync(req.HttpContext);
}
