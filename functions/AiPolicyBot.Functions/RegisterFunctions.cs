using AiPolicyBot.Academies;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Contacts;
using AiPolicyBot.Hosting.Http.Register;
using AiPolicyBot.Hosting.Tab;
using AiPolicyBot.Register;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Functions;

/// <summary>
/// HTTP triggers of the register administration routes and the register tab: one line each over the host-independent
/// handlers. Anonymous at the Functions level: every route checks the caller itself (Entra bearer with the app role,
/// docs/register-tab.md), since the tab's people have no function key.
/// </summary>
public sealed class RegisterFunctions(
    CallerGate gate, RegisterAdministration register, RegisterCache cache, TimeProvider time, IOptions<TabOptions> options,
    LocalSignIn local, IOptionsMonitor<TrustContacts> contacts, IOptionsMonitor<AcademyOptions> academies,
    AiPolicyBot.Approvals.IApproverDirectorySource directories)
{
    [Function("RegisterExport")]
    public Task<IResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "register")] HttpRequest req, CancellationToken ct) =>
        Gated(req, TabRoles.RegisterAdmin, async () => await RegisterAdminEndpoints.ExportAsync(req.Query["format"].FirstOrDefault(), register, ct));

    [Function("RegisterPut")]
    public Task<IResult> Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "register/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        Gated(req, TabRoles.RegisterAdmin, async () => await RegisterAdminEndpoints.PutAsync(await PutRegisterEntryRequest.ReadAsync(req.HttpContext, id), req.HttpContext, register, ct));

    [Function("RegisterImport")]
    public Task<IResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "register/import")] HttpRequest req, CancellationToken ct) =>
        Gated(req, TabRoles.RegisterAdmin, async () => await RegisterAdminEndpoints.ImportAsync(await ImportRegisterRequest.ReadAsync(req.HttpContext), req.HttpContext, register, ct));

    [Function("RegisterHistory")]
    public Task<IResult> History([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "register/{id}/history")] HttpRequest req, string id, CancellationToken ct) =>
        Gated(req, TabRoles.RegisterAdmin, async () => await RegisterAdminEndpoints.HistoryAsync(id, register, ct));

    [Function("TabPage")]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/app/{file?}")] HttpRequest req, string? file) =>
        TabAssets.Get(file, req.HttpContext);

    [Function("TabConfig")]
    public IResult Config([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/config")] HttpRequest req) => TabEndpoints.Config(req.HttpContext, options, local);

    [Function("TabMe")]
    public Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/me")] HttpRequest req, CancellationToken ct) =>
        Gated(req, null, async () => await TabEndpoints.Me(req.HttpContext, contacts, directories, ct));

    [Function("TabRegister")]
    public Task<IResult> Register([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/register")] HttpRequest req, CancellationToken ct) =>
        Gated(req, null, async () => await TabEndpoints.RegisterAsync(cache, time, academies, ct));

    [Function("TabRegisterSearch")]
    public Task<IResult> Search([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/register/search")] HttpRequest req, CancellationToken ct) =>
        Gated(req, null, async () => await TabEndpoints.SearchAsync(req.Query["q"].FirstOrDefault(), cache, ct));

    private async Task<IResult> Gated(HttpRequest req, string? role, Func<Task<IResult>> handler) =>
        await gate.CheckAsync(req.HttpContext, role) ?? await handler();
}
