using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Tab;
using AiPolicyBot.Incidents;

namespace AiPolicyBot.Hosting.Http.Evidence;

/// <summary>
/// The Incidents page of the tab (docs/spec/incidents.md): list and read cases, and the DPO's decide, add-action and
/// close, through the same use cases and rules as the Teams card. Who sees cases: the Incidents.Manage app role, or
/// the DPO and the request overseers of the approver directory; only the DPO decides and closes. Anyone else gets
/// 403 for every id; bad input 400 naming the field.
/// </summary>
public static class IncidentTabEndpoints
{
    public const string ManageRole = "Incidents.Manage";

    public static IEndpointRouteBuilder MapIncidentTabRoutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tab/incidents").RequireCaller();
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/decision", DecideAsync);
        group.MapPost("/{id}/actions", AddActionAsync);
        group.MapPost("/{id}/close", CloseAsync);
        return app;
    }

    public static async Task<IResult> ListAsync(HttpContext context, IIncidentStore store, IApproverDirectorySource directories, TimeProvider time, CancellationToken ct)
    {
        if (!(await RolesAsync(context, directories, ct)).CanSee) return Forbidden();
        var now = time.GetUtcNow();
        var list = new List<IncidentCase>();
        await foreach (var c in store.ListAsync(ct)) list.Add(c);
        return TypedResults.Ok(new JsonArray(list.OrderByDescending(c => c.OpenedAt).Select(c => (JsonNode?)Summary(c, now)).ToArray()));
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, IIncidentStore store, IApproverDirectorySource directories, TimeProvider time, CancellationToken ct)
    {
        var roles = await RolesAsync(context, directories, ct);
        if (!roles.CanSee) return Forbidden();
        return await store.GetAsync(id, ct) is { } c ? TypedResults.Ok(Detail(c.Value, roles, time.GetUtcNow())) : NotFound(id);
    }

    public static Task<IResult> DecideAsync(string id, HttpContext context, IncidentCases cases, IApproverDirectorySource directories, TimeProvider time, CancellationToken ct) =>
        CommandAsync(id, context, cases, directories, time, (r, actor) =>
            new DecideIncidentCommand(actor, r.Bool("reportableToIco", required: true), r.String("reason", required: true, 1, IncidentRules.MaxTextLength)), ct);

    public static Task<IResult> AddActionAsync(string id, HttpContext context, IncidentCases cases, IApproverDirectorySource directories, TimeProvider time, CancellationToken ct) =>
        CommandAsync(id, context, cases, directories, time,
            (r, actor) => new AddIncidentActionCommand(actor, r.String("text", required: true, 1, IncidentRules.MaxTextLength)), ct);

    public static Task<IResult> CloseAsync(string id, HttpContext context, IncidentCases cases, IApproverDirectorySource directories, TimeProvider time, CancellationToken ct) =>
        CommandAsync(id, context, cases, directories, time,
            (r, actor) => new CloseIncidentCommand(actor, r.String("note", required: false, 0, IncidentRules.MaxTextLength)), ct);

    private static async Task<IResult> CommandAsync(string id, HttpContext context, IncidentCases cases, IApproverDirectorySource directories,
        TimeProvider time, Func<JsonFieldReader, IncidentActor, IncidentCommand> read, CancellationToken ct)
    {
        var roles = await RolesAsync(context, directories, ct);
        if (!roles.CanSee) return Forbidden();
        var (document, problem) = await RequestBody.ReadJsonAsync(context.Request, RequestBody.IncidentCommandBytes, "body", ct);
        if (problem is not null) return problem;
        using var _ = document;
        var errors = new List<FieldError>();
        if (document!.RootElement.ValueKind != JsonValueKind.Object) return ApiProblems.Invalid("body", "must be a JSON object");
        var caller = CallerGate.Caller(context);
        var command = read(new JsonFieldReader(document.RootElement, "", errors), new IncidentActor(caller.ObjectId, caller.Name));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var outcome = await cases.ExecuteAsync(id, command, roles, ct);
        if (outcome.Case is null) return NotFound(id);
        return outcome.Result?.Status switch
        {
            IncidentCommandStatus.NotAllowed => Forbidden(outcome.Result.Problem),
            IncidentCommandStatus.Invalid when outcome.Result.Field == "state" || outcome.Result.Field == "decision" && command is not CloseIncidentCommand =>
                TypedResults.Problem(title: "Conflict", detail: outcome.Result.Problem, statusCode: StatusCodes.Status409Conflict),
            IncidentCommandStatus.Invalid => ApiProblems.Invalid(outcome.Result.Field ?? "body", outcome.Result.Problem ?? "is not valid"),
            _ => TypedResults.Ok(Detail(outcome.Case.Value, roles, time.GetUtcNow())),
        };
    }

    /// <summary>The caller's rights: the DPO and overseers from the directory; the Incidents.Manage app role also sees.</summary>
    private static async Task<IncidentRoles> RolesAsync(HttpContext context, IApproverDirectorySource directories, CancellationToken ct)
    {
        var caller = CallerGate.Caller(context);
        var roles = caller.IsAutomation ? new IncidentRoles(true, false) : IncidentAccess.For(await directories.GetAsync(ct), caller.ObjectId);
        return caller.Has(ManageRole) ? roles with { CanSee = true } : roles;
    }

    private static IResult Forbidden(string? detail = null) =>
        TypedResults.Problem(title: "Not allowed", detail: detail ?? "Incident cases are seen only by the DPO and the Information Assurance team.",
            statusCode: StatusCodes.Status403Forbidden);

    private static IResult NotFound(string id) =>
        TypedResults.Problem(title: "Not found", detail: $"No incident case {(IncidentIds.LooksValid(id) ? id : "with that id")}.", statusCode: StatusCodes.Status404NotFound);

    public static JsonObject Summary(IncidentCase c, DateTimeOffset now) => new()
    {
        ["id"] = c.Id,
        ["openedAt"] = c.OpenedAt,
        ["dueAt"] = c.DueAt,
        ["hoursLeft"] = c.State == IncidentState.Open ? IncidentClock.HoursLeft(c, now) : null,
        ["source"] = JsonNamingPolicy.CamelCase.ConvertName(c.Source.ToString()),
        ["severity"] = JsonNamingPolicy.CamelCase.ConvertName(c.Severity.ToString()),
        ["state"] = JsonNamingPolicy.CamelCase.ConvertName(c.State.ToString()),
        ["academyId"] = c.AcademyId,
        ["reportableToIco"] = c.Decision?.ReportableToIco,
        ["hoursToDecision"] = c.HoursToDecision,
    };

    public static JsonObject Detail(IncidentCase c, IncidentRoles roles, DateTimeOffset now)
    {
        var o = Summary(c, now);
        o["origin"] = c.Origin;
        o["facts"] = new JsonArray(c.Facts.Select(f => (JsonNode?)new JsonObject { ["label"] = f.Label, ["value"] = f.Value }).ToArray());
        o["decision"] = c.Decision is { } d
            ? new JsonObject { ["reportableToIco"] = d.ReportableToIco, ["reason"] = d.Reason, ["by"] = d.DecidedByName, ["at"] = d.DecidedAt }
            : null;
        o["actions"] = new JsonArray(c.Actions.Select(a => (JsonNode?)new JsonObject { ["text"] = a.Text, ["by"] = a.ByName, ["at"] = a.At }).ToArray());
        o["closedAt"] = c.ClosedAt;
        o["closedBy"] = c.ClosedByName;
        o["closingNote"] = c.ClosingNote;
        o["canDecide"] = roles.IsDpo && c.State == IncidentState.Open;
        o["canClose"] = roles.IsDpo && c.State == IncidentState.Decided;
        o["canAddAction"] = c.State != IncidentState.Closed;
        return o;
    }
}
