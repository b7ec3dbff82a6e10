using System.Reflection;
using System.Text.Json;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Hosting.Http.Register;

/// <summary>PUT /api/register/{id}: the entry from the body (the route's id wins when the body has none) and If-Match.</summary>
public sealed record PutRegisterEntryRequest(string Id, RegisterEntry? Entry, string? IfMatch, ProblemHttpResult? Problem)
{
    public static ValueTask<PutRegisterEntryRequest> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ReadAsync(context, context.Request.RouteValues["id"] as string ?? "");

    /// <summary>The same binding for hosts that pass the route's id themselves (the Functions triggers).</summary>
    public static async ValueTask<PutRegisterEntryRequest> ReadAsync(HttpContext context, string id)
    {
        var ifMatch = context.Request.Headers.IfMatch.FirstOrDefault() is { Length: > 0 } m ? m : null;
        var errors = new List<FieldError>();
        if (!RegisterEntryWire.IsId(id)) errors.Add(new FieldError("id", "must be 1–100 lower-case letters, digits or hyphens"));
        var (doc, problem) = await RequestBody.ReadJsonAsync(context.Request, RequestBody.RegisterEntryBytes, "body", context.RequestAborted);
        if (problem is not null) return new(id, null, ifMatch, problem);
        using (doc)
        {
            var root = doc!.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var bodyId)
                && bodyId.ValueKind == JsonValueKind.String && bodyId.GetString() != id)
                errors.Add(new FieldError("id", "must match the id in the address"));
            RegisterEntry? entry = null;
            if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("id", out _))
            {
                // The id comes from the address; parse a copy that has it.
                var node = System.Text.Json.Nodes.JsonNode.Parse(root.GetRawText())!.AsObject();
                node["id"] = id;
                using var withId = JsonDocument.Parse(node.ToJsonString());
                entry = RegisterEntryWire.Parse(withId.RootElement, errors);
            }
            else entry = RegisterEntryWire.Parse(root, errors);
            return new(id, errors.Count == 0 ? entry : null, ifMatch, errors.Count == 0 ? null : RegisterProblems.BadFields(errors));
        }
    }
}

/// <summary>POST /api/register/import: a CSV (text/csv) or JSON array body, ?dryRun=true, and the file's name.</summary>
public sealed record ImportRegisterRequest(byte[]? Body, bool IsCsv, bool DryRun, string? FileName, ProblemHttpResult? Problem)
{
    public const string FileNameHeader = "X-File-Name";

    public static ValueTask<ImportRegisterRequest> BindAsync(HttpContext context, ParameterInfo parameter) => ReadAsync(context);

    public static async ValueTask<ImportRegisterRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var errors = new List<FieldError>();
        var dryRunText = request.Query["dryRun"].FirstOrDefault();
        var dryRun = false;
        if (dryRunText is not null && !bool.TryParse(dryRunText, out dryRun)) errors.Add(new FieldError("dryRun", "must be true or false"));
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var isCsv = mediaType is "text/csv";
        if (!isCsv && mediaType is not "application/json")
            errors.Add(new FieldError("Content-Type", "must be text/csv or application/json"));
        var name = request.Headers[FileNameHeader].FirstOrDefault() ?? request.Query["name"].FirstOrDefault();
        if (name is { Length: > 200 }) errors.Add(new FieldError("name", "must be at most 200 characters"));
        var (bytes, problem) = await RequestBody.ReadBytesAsync(request, RequestBody.RegisterImportBytes, "body", context.RequestAborted);
        if (problem is not null) return new(null, isCsv, dryRun, name, problem);
        return new(errors.Count == 0 ? bytes : null, isCsv, dryRun, name, errors.Count == 0 ? null : RegisterProblems.BadFields(errors));
    }
}
