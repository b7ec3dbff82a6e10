using System.Text.Json.Nodes;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Tab;

namespace AiPolicyBot.Hosting.Http.Register;

/// <summary>
/// The register administration routes (docs/register-admin.md): export as JSON or CSV, create or replace one entry
/// with If-Match, import CSV or JSON (dry run, all or nothing), and an entry's history. Register.Admin role or the
/// admin key.
/// </summary>
public static class RegisterAdminEndpoints
{
    public static IEndpointRouteBuilder MapRegisterAdminRoutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/register").RequireCaller(TabRoles.RegisterAdmin);
        group.MapGet("", ExportAsync);
        group.MapPut("/{id}", PutAsync);
        group.MapPost("/import", ImportAsync);
        group.MapGet("/{id}/history", HistoryAsync);
        return app;
    }

    public static async Task<Results<Ok<JsonArray>, FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string? format, RegisterAdministration register, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv")) return RegisterProblems.BadField("format", "must be json or csv");
        var entries = await register.ListAsync(ct);
        if (format == "csv")
            return TypedResults.File(RegisterCsv.Write(entries), RegisterCsv.ContentType, "ai-tools-register.csv");
        return TypedResults.Ok(new JsonArray(entries.Select(e => (JsonNode?)RegisterEntryWire.ToJson(e.Value, e.Version)).ToArray()));
    }

    public static async Task<Results<Created<JsonObject>, Ok<JsonObject>, ProblemHttpResult>> PutAsync(
        PutRegisterEntryRequest request, HttpContext context, RegisterAdministration register, CancellationToken ct)
    {
        if (request.Entry is not { } entry) return request.Problem!;
        var outcome = await register.PutAsync(entry, request.IfMatch, Actor(context), ct);
        switch (outcome)
        {
            case PutOutcome.Created c:
                context.Response.Headers.ETag = c.Entry.Version;
                return TypedResults.Created($"/api/register/{c.Entry.Value.Id}", RegisterEntryWire.ToJson(c.Entry.Value, c.Entry.Version));
            case PutOutcome.Replaced r:
                context.Response.Headers.ETag = r.Entry.Version;
                return TypedResults.Ok(RegisterEntryWire.ToJson(r.Entry.Value, r.Entry.Version));
            case PutOutcome.VersionRequired:
                return RegisterProblems.VersionRequired(request.Id);
            case PutOutcome.Conflict conflict:
                return RegisterProblems.Conflict(request.Id, conflict);
            default:
                throw new InvalidOperationException("Unknown outcome " + outcome.GetType().Name);
        }
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ImportAsync(
        ImportRegisterRequest request, HttpContext context, RegisterAdministration register, CancellationToken ct)
    {
        if (request.Body is not { } body) return request.Problem!;
        ImportReport report;
        try
        {
            report = await register.ImportAsync(body, request.IsCsv, request.FileName, request.DryRun, Actor(context), ct);
        }
        catch (ConcurrencyConflictException)
        {
            return RegisterProblems.ImportConflict();
        }
        if (report.Errors.Count > 0 && !report.DryRun) return RegisterProblems.ImportRejected(report);
        return TypedResults.Ok(RegisterApiJson.Import(report));
    }

    public static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> HistoryAsync(
        string id, RegisterAdministration register, CancellationToken ct)
    {
        if (!RegisterEntryWire.IsId(id)) return RegisterProblems.BadField("id", "must be 1–100 lower-case letters, digits or hyphens");
        var history = await register.HistoryAsync(id, ct);
        if (history.Count == 0 && await register.GetAsync(id, ct) is null) return ApiProblems.NotFound($"No register entry \"{id}\".");
        return TypedResults.Ok(new JsonArray(history.Select(h => (JsonNode?)RegisterApiJson.History(h)).ToArray()));
    }

    private static RegisterActor Actor(HttpContext context) => CallerGate.Caller(context) switch
    {
        { IsAutomation: true } => RegisterActor.Automation,
        var c => RegisterActor.Person(c.ObjectId),
    };
}
