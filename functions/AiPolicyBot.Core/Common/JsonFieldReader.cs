using System.Text.Json;

namespace AiPolicyBot.Common;

/// <summary>
/// Reads typed fields out of one JSON object and collects a <see cref="FieldError"/> for every bad one, so a caller
/// can report all problems at once. Field names in errors are <c>prefix + name</c> (the contract names).
/// JSON null counts as absent.
/// </summary>
public sealed class JsonFieldReader(JsonElement obj, string prefix, List<FieldError> errors)
{
    public List<FieldError> Errors => errors;

    public string Path(string name) => prefix + name;

    public void Error(string name, string message) => errors.Add(new FieldError(Path(name), message));

    public bool Has(string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public JsonElement? Raw(string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v : null;

    public string? String(string name, bool required, int minLength = 0, int maxLength = int.MaxValue)
    {
        if (Raw(name) is not { } v) { if (required) Error(name, "is required"); return null; }
        if (v.ValueKind != JsonValueKind.String) { Error(name, "must be a string"); return null; }
        var s = v.GetString()!;
        var length = s.Trim().Length;
        if (length < minLength || s.Length > maxLength)
        {
            Error(name, minLength > 0
                ? $"must be {minLength}–{maxLength} characters"
                : $"must be at most {maxLength} characters");
            return null;
        }
        return s;
    }

    public T? Enum<T>(string name, bool required) where T : struct, System.Enum
    {
        if (Raw(name) is not { } v) { if (required) Error(name, "is required"); return null; }
        if (v.ValueKind == JsonValueKind.String && WireEnum<T>.TryParse(v.GetString(), out var value)) return value;
        Error(name, "must be " + WireEnum<T>.Allowed);
        return null;
    }

    /// <summary>An array of enum values; duplicates are dropped, order of first appearance kept.</summary>
    public IReadOnlyList<T>? EnumArray<T>(string name, bool required, bool nonEmpty) where T : struct, System.Enum
    {
        if (Raw(name) is not { } v) { if (required) Error(name, "is required"); return null; }
        if (v.ValueKind != JsonValueKind.Array) { Error(name, "must be an array of " + WireEnum<T>.Allowed); return null; }
        var result = new List<T>();
        var bad = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && WireEnum<T>.TryParse(item.GetString(), out var value))
            {
                if (!result.Contains(value)) result.Add(value);
            }
            else bad.Add(item.ValueKind == JsonValueKind.String ? $"\"{item.GetString()}\"" : item.ValueKind.ToString());
        }
        if (bad.Count > 0) { Error(name, $"has values outside the list ({string.Join(", ", bad)}); each must be " + WireEnum<T>.Allowed); return null; }
        if (nonEmpty && result.Count == 0) { Error(name, "must not be empty"); return null; }
        return result;
    }

    public bool? Bool(string name, bool required)
    {
        if (Raw(name) is not { } v) { if (required) Error(name, "is required"); return null; }
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Error(name, "must be true or false");
        return null;
    }

    public int? Int(string name, bool required, int min, int max)
    {
        if (Raw(name) is not { } v) { if (required) Error(name, "is required"); return null; }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max) return i;
        Error(name, $"must be a whole number from {min} to {max}");
        return null;
    }

    public DateOnly? Date(string name, bool required)
    {
        if (Raw(name) is not { } v) { if (required) Error(name, "is required"); return null; }
        if (v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d))
            return d;
        Error(name, "must be a date (yyyy-MM-dd)");
        return null;
    }

    /// <summary><c>"all"</c> → null (no restriction); otherwise an array of strings.</summary>
    public (bool Ok, IReadOnlyList<string>? Values) AllOrStrings(string name)
    {
        if (Raw(name) is not { } v) return (true, null);
        if (v.ValueKind == JsonValueKind.String && v.GetString() == "all") return (true, null);
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return (true, v.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToList());
        Error(name, "must be \"all\" or an array of strings");
        return (false, null);
    }
}
