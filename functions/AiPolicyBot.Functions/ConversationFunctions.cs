using AiPolicyBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>Conversation HTTP triggers: one line each over AiPolicyBot.Hosting. Admin only (function key).</summary>
public sealed class ConversationFunctions(ConversationPreviewEndpoint preview)
{
    [Function("ConversationPreview")]
    public async Task<IResult> Preview(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "conversation/preview")] HttpRequest req, CancellationToken ct) =>
        await preview.HandleAsync(await ConversationPreviewRequest.BindAsync(req, ct), ct);
}
