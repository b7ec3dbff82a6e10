using System.Text.Json;
using AiPolicyBot.Common;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// The value of a composeExtension/query invoke (docs/teams-channel.md):
/// <c>{ commandId, parameters: [{ name, value }], queryOptions: { skip, count } }</c>. An initial run (the command was
/// just opened, manifest initialRun) has the parameter <c>initialRun</c> or an empty query.
/// </summary>
public sealed record ComposeExtensionQuery(string CommandId, string Query, bool InitialRun, int Skip, int Count)
{
    public const int MaxQueryLength = 200;
    public const int DefaultCount = 25;

    /// <summary>Reads the invoke value; what is missing or malformed is reported by field (400, never a 500).</summary>
    public static ComposeExtensionQuery Parse(JsonElement? value, string parameterName)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
            throw new ValidationFailedException([new FieldError("value", "is required: the query invoke's value object")]);

        var errors = new List<FieldError>();
        var commandId = String(v, "commandId");
        if (string.IsNullOrWhiteSpace(commandId)) errors.Add(new FieldError("value.commandId", "is required"));

        string query = "";
        var initialRun = false;
        if (v.TryGetProperty("parameters", out var ps) && ps.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in ps.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object) continue;
                var name = String(p, "name");
                var text = p.TryGetProperty("value", out var pv) ? pv.ValueKind switch
                {
                    JsonValueKind.String => pv.GetString() ?? "",
                    JsonValueKind.True => "true",
                    _ => "",
                } : "";
                if (name == "initialRun") initialRun = text == "true";
                else if (name == parameterName) query = text;
            }
        }
        else if (v.TryGetProperty("parameters", out var bad) && bad.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            errors.Add(new FieldError("value.parameters", "must be an array of { name, value }"));
        }

        query = query.Trim();
        if (query.Length > MaxQueryLength) errors.Add(new FieldError("value.parameters.value", $"is longer than {MaxQueryLength} characters"));

        var skip = 0;
        var count = DefaultCount;
        if (v.TryGetProperty("queryOptions", out var o) && o.ValueKind == JsonValueKind.Object)
        {
            if (o.TryGetProperty("skip", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out skip) || skip < 0)
                    errors.Add(new FieldError("value.queryOptions.skip", "must be a whole number, 0 or more"));
            }
            if (o.TryGetProperty("count", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                if (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out count) || count < 1)
                    errors.Add(new FieldError("value.queryOptions.count", "must be a whole number, 1 or more"));
            }
        }

        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return new ComposeExtensionQuery(commandId!, query, initialRun || query.Length == 0, skip, count);
    }

    internal static string? String(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
