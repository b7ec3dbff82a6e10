using AiPolicyBot.Application.Audit;
using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Http.Evidence;
using AiPolicyBot.Hosting.Tab;
using AiPolicyBot.Incidents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>
/// HTTP triggers of the audit verification and the tab's incident cases: one line each over the host-independent
/// handlers. Anonymous at the Functions level: every route checks the caller itself (<see cref="CallerGate"/>).
/// </summary>
public sealed class EvidenceHttpFunctions(
    CallerGate gate, AuditVerifier verifier, IIncidentStore store, IncidentCases cases, IApproverDirectorySource directories, TimeProvider time)
{
    [Function("AuditVerify")]
    public Task<IResult> Verify([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/verify")] HttpRequest req, CancellationToken ct) =>
        Gated(req, TabRoles.ReportsRead, async () => await AuditVerifyEndpoint.HandleAsync(verifier, ct));

    [Function("TabIncidents")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/incidents")] HttpRequest req, CancellationToken ct) =>
        Gated(req, null, () => IncidentTabEndpoints.ListAsync(req.HttpContext, store, directories, time, ct));

    [Function("TabIncident")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/incidents/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        Gated(req, null, () => IncidentTabEndpoints.GetAsync(id, req.HttpContext, store, directories, time, ct));

    [Function("TabIncidentDecision")]
    public Task<IResult> Decide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tab/incidents/{id}/decision")] HttpRequest req, string id, CancellationToken ct) =>
        Gated(req, null, () => IncidentTabEndpoints.DecideAsync(id, req.HttpContext, cases, directories, time, ct));

    [Function("TabIncidentActions")]
    public Task<IResult> AddAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tab/incidents/{id}/actions")] HttpRequest req, string id, CancellationToken ct) =>
        Gated(req, null, () => IncidentTabEndpoints.AddActionAsync(id, req.HttpContext, cases, directories, time, ct));

    [Function("TabIncidentClose")]
    public Task<IResult> Close([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tab/incidents/{id}/close")] HttpRequest req, string id, CancellationToken ct) =>
        Gated(req, null, () => IncidentTabEndpoints.CloseAsync(id, req.HttpContext, cases, directories, time, ct));

    private async Task<IResult> Gated(HttpRequest req, string? role, Func<Task<IResult>> handler) =>
        await gate.CheckAsync(req.HttpContext, role) ?? await handler();
}
