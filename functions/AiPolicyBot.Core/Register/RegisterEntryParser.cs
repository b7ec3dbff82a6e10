using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;

namespace AiPolicyBot.Register;

/// <summary>
/// Reads a register entry in the shape of docs/policy-and-register.md and docs/register-admin.md (id, name, status, scope, conditions, reviewBy,
/// plus aliases, vendor, edition, accessMode, trainingUrl, decisionReason, decidedBy, decidedOn and policySections
/// when present). Errors name the field under <c>prefix</c>,
/// e.g. <c>context.register[0].status</c>.
/// </summary>
public static class RegisterEntryParser
{
    public static RegisterEntry? Parse(JsonElement json, string prefix, List<FieldError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(prefix.TrimEnd('.'), "must be a JSON object"));
            return null;
        }
        var before = errors.Count;
        var r = new JsonFieldReader(json, prefix, errors);
        var id = r.String("id", required: true, minLength: 1, maxLength: 100);
        var name = r.String("name", required: true, minLength: 1, maxLength: 100);
        var status = r.Enum<RegisterStatus>("status", required: true);
        var vendor = r.String("vendor", required: false, maxLength: 100);
        var edition = r.Enum<Edition>("edition", required: false);
        var decisionReason = r.String("decisionReason", required: false, maxLength: 2000);
        var reviewBy = r.Date("reviewBy", required: false);
        var accessMode = r.Enum<AccessMode>("accessMode", required: false);
        var trainingUrl = r.String("trainingUrl", required: false, maxLength: 500);
        if (trainingUrl is not null && !(Uri.TryCreate(trainingUrl, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
        {
            r.Error("trainingUrl", "must be an https link");
            trainingUrl = null;
        }
        var decidedBy = r.String("decidedBy", required: false, maxLength: 200);
        var decidedOn = r.Date("decidedOn", required: false);
        var policySections = Strings(r, "policySections");
        if (policySections?.FirstOrDefault(p => !IsSection(p)) is { } badSection)
            r.Error("policySections", $"has \"{(badSection.Length > 20 ? badSection[..20] + "…" : badSection)}\"; each must be a section number such as 3.4");
        var aliases = Strings(r, "aliases");
        var conditions = Strings(r, "conditions");
        if (conditions is not null)
        {
            var unknown = conditions.Where(c => !ConditionCodes.All.Contains(c)).ToList();
            if (unknown.Count > 0) r.Error("conditions", "has codes outside the closed list: " + string.Join(", ", unknown));
        }

        var scope = new RegisterScope();
        if (r.Raw("scope") is { } scopeJson)
        {
            if (scopeJson.ValueKind != JsonValueKind.Object) r.Error("scope", "must be a JSON object");
            else
            {
                var s = new JsonFieldReader(scopeJson, prefix + "scope.", errors);
                var users = s.Enum<UserGroup>("users", required: false);
                var minYear = s.Enum<YearGroup>("minYearGroup", required: false);
                var dataAllowed = s.Bool("dataAllowed", required: false);
                var (_, academies) = s.AllOrStrings("academies");
                var (_, uses) = s.AllOrStrings("useCategories");
                List<UseCategory>? useCategories = null;
                if (uses is not null)
                {
                    useCategories = [];
                    foreach (var u in uses)
                    {
                        if (WireEnum<UseCategory>.TryParse(u, out var uc)) useCategories.Add(uc);
                        else s.Error("useCategories", $"has \"{u}\"; each must be " + WireEnum<UseCategory>.Allowed);
                    }
                }
                scope = new RegisterScope
                {
                    Users = users,
                    MinYearGroup = minYear,
                    DataAllowed = dataAllowed,
                    Academies = academies,
                    UseCategories = useCategories,
                };
            }
        }

        if (errors.Count > before) return null;
        return new RegisterEntry
        {
            Id = id!,
            Name = name!,
            Status = status!.Value,
            Vendor = vendor,
            Edition = edition,
            Aliases = aliases ?? [],
            Conditions = conditions ?? [],
            ReviewBy = reviewBy,
            Scope = scope,
            DecisionReason = decisionReason,
            AccessMode = accessMode,
            TrainingUrl = trainingUrl,
            DecidedBy = decidedBy,
            DecidedOn = decidedOn,
            PolicySections = policySections ?? [],
        };
    }

    /// <summary>A policy section number: digits separated by single dots, e.g. "3.4" or "5".</summary>
    private static bool IsSection(string s) =>
        s.Length is > 0 and <= 12 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1])
        && s.All(c => char.IsAsciiDigit(c) || c == '.') && !s.Contains("..", StringComparison.Ordinal);

    private static List<string>? Strings(JsonFieldReader r, string name)
    {
        if (r.Raw(name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return v.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        r.Error(name, "must be an array of strings");
        return null;
    }
}
