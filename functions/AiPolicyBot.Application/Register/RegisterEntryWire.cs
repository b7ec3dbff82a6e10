using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// A register entry on the wire (docs/register-admin.md): the same fields, in the same order, for the JSON export,
/// the CSV export and the import, with <c>version</c> (the ETag) last. Absent values are written as null, so every
/// entry has the same shape.
/// </summary>
public static class RegisterEntryWire
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "id", "name", "vendor", "edition", "accessMode", "aliases", "status", "scope", "conditions", "trainingUrl",
        "decisionReason", "decidedBy", "decidedOn", "reviewBy", "policySections", "version",
    ];

    public static JsonObject ToJson(RegisterEntry e, string? version) => new()
    {
        ["id"] = e.Id,
        ["name"] = e.Name,
        ["vendor"] = e.Vendor,
        ["edition"] = Name(e.Edition),
        ["accessMode"] = Name(e.AccessMode),
        ["aliases"] = Array(e.Aliases),
        ["status"] = WireEnum<RegisterStatus>.Name(e.Status),
        ["scope"] = new JsonObject
        {
            ["users"] = Name(e.Scope.Users),
            ["minYearGroup"] = Name(e.Scope.MinYearGroup),
            ["dataAllowed"] = e.Scope.DataAllowed,
            ["academies"] = e.Scope.Academies is { } a ? Array(a) : "all",
            ["useCategories"] = e.Scope.UseCategories is { } u ? Array(u.Select(x => WireEnum<UseCategory>.Name(x))) : "all",
        },
        ["conditions"] = Array(e.Conditions),
        ["trainingUrl"] = e.TrainingUrl,
        ["decisionReason"] = e.DecisionReason,
        ["decidedBy"] = e.DecidedBy,
        ["decidedOn"] = Date(e.DecidedOn),
        ["reviewBy"] = Date(e.ReviewBy),
        ["policySections"] = Array(e.PolicySections),
        ["version"] = version,
    };

    /// <summary>
    /// Parses one entry as an administrator sends it; every bad field is added to <paramref name="errors"/> by name.
    /// On top of the shared entry rules, the id must be a stable key: lower-case letters, digits and hyphens.
    /// </summary>
    public static RegisterEntry? Parse(JsonElement json, List<FieldError> errors, string prefix = "")
    {
        var before = errors.Count;
        var entry = RegisterEntryParser.Parse(json, prefix, errors);
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && !IsId(id.GetString()!) && !errors.Any(e => e.Field == prefix + "id"))
            errors.Add(new FieldError(prefix + "id", "must be 1–100 lower-case letters, digits or hyphens, starting with a letter or digit"));
        return errors.Count > before ? null : entry;
    }

    /// <summary>An entry id: what URLs, table keys and history use, so only a safe, stable alphabet.</summary>
    public static bool IsId(string id) =>
        id.Length is > 0 and <= 100 && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The fields an administrator edits (everything on the wire); what the approval flow adds is kept.</summary>
    public static RegisterEntry KeepInternalFields(RegisterEntry edited, RegisterEntry? existing) => existing is null ? edited : edited with
    {
        Description = existing.Description,
        Url = existing.Url,
        DecisionReference = existing.DecisionReference,
    };

    private static string? Name<T>(T? value) where T : struct, Enum => value is { } v ? WireEnum<T>.Name(v) : null;

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
