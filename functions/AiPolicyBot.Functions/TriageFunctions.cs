using AiPolicyBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>Triage HTTP triggers: one line each over AiPolicyBot.Hosting. Admin only (function key).</summary>
public sealed class TriageFunctions(TriagePreviewEndpoint preview)
{
    [Function("TriagePreview")]
    public async Task<IResult> Preview(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triage/preview")] HttpRequest req, CancellationToken ct) =>
        preview.Handle(await TriagePreviewRequest.BindAsync(req, ct));
}
