using System.Text.Json.Nodes;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Common;

namespace AiPolicyBot.Hosting.Http.Register;

/// <summary>RFC 9457 problem details for the register routes: 400 naming every bad field, 412 and 428.</summary>
public static class RegisterProblems
{
    public static ProblemHttpResult BadFields(IEnumerable<FieldError> errors) =>
        ApiProblems.Invalid(errors, "Some fields are not valid");

    public static ProblemHttpResult BadField(string field, string message) => BadFields([new FieldError(field, message)]);

    public static ProblemHttpResult VersionRequired(string id) => TypedResults.Problem(
        title: "If-Match required",
        detail: $"\"{id}\" already exists: send its version in If-Match to replace it.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    /// <summary>412 with the entry as it is now and who changed it last, so the page can show the other change.</summary>
    public static ProblemHttpResult Conflict(string id, PutOutcome.Conflict conflict) => TypedResults.Problem(
        title: "Changed by someone else",
        detail: conflict.Current is null
            ? $"\"{id}\" was created or removed since you read it. Nothing was saved."
            : $"\"{id}\" was changed since you read it. Nothing was saved: review the current entry and apply your change again.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?>
        {
            ["current"] = conflict.Current is { } c ? RegisterEntryWire.ToJson(c.Value, c.Version) : null,
            ["lastChange"] = conflict.LastChange is { } l ? RegisterApiJson.History(l) : null,
        });

    public static ProblemHttpResult ImportConflict() => TypedResults.Problem(
        title: "Changed during the import",
        detail: "The register changed while the import was being written. Nothing was imported: preview it again.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    /// <summary>An import with errors: 400, nothing written, the report's fields as problem extensions.</summary>
    public static ProblemHttpResult ImportRejected(ImportReport report) => TypedResults.Problem(
        title: "The import has errors",
        detail: $"{report.Errors.Count} problem(s); nothing was imported.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: RegisterApiJson.Import(report).ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone()));
}

/// <summary>The success bodies of the register routes (docs/register-admin.md).</summary>
public static class RegisterApiJson
{
    public static JsonObject History(RegisterHistoryItem h)
    {
        var o = new JsonObject
        {
            ["at"] = h.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["by"] = h.By,
            ["kind"] = h.Kind,
            ["oldHash"] = h.OldHash,
            ["newHash"] = h.NewHash,
            ["changed"] = new JsonArray(h.Changed.Select(c => (JsonNode?)c).ToArray()),
        };
        if (h.Source is not null) o["source"] = h.Source;
        if (h.ImportedBy is not null) o["importedBy"] = h.ImportedBy;
        return o;
    }

    public static JsonObject Import(ImportReport r) => new()
    {
        ["created"] = r.Created,
        ["updated"] = r.Updated,
        ["unchanged"] = r.Unchanged,
        ["errors"] = new JsonArray(r.Errors.Select(e => (JsonNode?)new JsonObject { ["row"] = e.Row, ["field"] = e.Field, ["message"] = e.Message }).ToArray()),
        ["changes"] = new JsonArray(r.Changes.Select(c => (JsonNode?)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["change"] = c.Change,
            ["fields"] = new JsonArray(c.Fields.Select(f => (JsonNode?)f).ToArray()),
        }).ToArray()),
    };
}
