using System.Reflection;
using System.Text.Json;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Hosting.Http.Register;

/// <summary>Reads a request body with a size cap, so an oversized upload is a 400 naming "body", never a 500.</summary>
internal static class BoundedBody
{
    public static async Task<(byte[]? Bytes, FieldError? Error)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return (null, new FieldError("body", $"must be at most {maxBytes / 1024} KB"));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, new FieldError("body", $"must be at most {maxBytes / 1024} KB"));
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == 0 ? (null, new FieldError("body", "is required")) : (buffer.ToArray(), null);
    }
}

/// <summary>PUT /api/register/{id}: the entry from the body (the route's id wins when the body has none) and If-Match.</summary>
public sealed record PutRegisterEntryRequest(string Id, RegisterEntry? Entry, string? IfMatch, IReadOnlyList<FieldError> Errors)
{
    public const int MaxBytes = 64 * 1024;

    public static ValueTask<PutRegisterEntryRequest> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ReadAsync(context, context.Request.RouteValues["id"] as string ?? "");

    /// <summary>The same binding for hosts that pass the route's id themselves (the Functions triggers).</summary>
    public static async ValueTask<PutRegisterEntryRequest> ReadAsync(HttpContext context, string id)
    {
        var ifMatch = context.Request.Headers.IfMatch.FirstOrDefault() is { Length: > 0 } m ? m : null;
        var errors = new List<FieldError>();
        if (!RegisterEntryWire.IsId(id)) errors.Add(new FieldError("id", "must be 1–100 lower-case letters, digits or hyphens"));
        var (bytes, bodyError) = await BoundedBody.ReadAsync(context.Request, MaxBytes);
        if (bodyError is not null) return new(id, null, ifMatch, [.. errors, bodyError]);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new(id, null, ifMatch, [.. errors, new FieldError("body", "is not valid JSON: " + e.Message)]);
        }
        using (doc)
        {
            var root = doc.RootElement;
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
            return new(id, errors.Count == 0 ? entry : null, ifMatch, errors);
        }
    }
}

/// <summary>POST /api/register/import: a CSV (text/csv) or JSON array body, ?dryRun=true, and the file's name.</summary>
public sealed record ImportRegisterRequest(byte[]? Body, bool IsCsv, bool DryRun, string? FileName, IReadOnlyList<FieldError> Errors)
{
    public const int MaxBytes = 1024 * 1024;
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
        var (bytes, bodyError) = await BoundedBody.ReadAsync(request, MaxBytes);
        if (bodyError is not null) errors.Add(bodyError);
        return new(bytes, isCsv, dryRun, name, errors);
    }
}
