using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiPolicyBot.Teams.Conversation.Wizard;

/// <summary>
/// Where a person is in the request wizard: a session id (the idempotency key of the final submit), the page, and
/// the answers so far as the card inputs give them (strings; multi-selects comma-separated). It travels in the card's
/// Action.Execute data between pages, so the wizard needs no storage until the submit. It is the requester's own
/// draft: the submit validates everything again on the server.
/// </summary>
public sealed record WizardState(string SessionId, int Page, IReadOnlyDictionary<string, string> Answers)
{
    public const int MaxAnswerLength = 2000;

    public static WizardState Start(IReadOnlyDictionary<string, string> prefill) =>
        new(Guid.NewGuid().ToString("N"), 0, prefill);

    /// <summary>True when learners would use the tool, so the learners page is shown.</summary>
    public bool LearnersInvolved => Answers.TryGetValue("users", out var u) && u is "learners" or "staffAndLearners";

    /// <summary>Reads the state and this page's inputs from Action.Execute data (inputs arrive as top-level keys).</summary>
    public static WizardState FromActionData(JsonElement data, IEnumerable<string> knownFields)
    {
        var sessionId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("sessionId", out var s) && s.ValueKind == JsonValueKind.String
            && s.GetString() is { Length: > 0 and <= 64 } sid && sid.All(char.IsAsciiLetterOrDigit) ? sid : Guid.NewGuid().ToString("N");
        var page = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number
            && p.TryGetInt32(out var n) ? n : 0;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = knownFields.ToHashSet(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("answers", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in a.EnumerateObject())
            {
                if (fields.Contains(prop.Name) && AsString(prop.Value) is { } v) answers[prop.Name] = v;
            }
        }
        if (data.ValueKind == JsonValueKind.Object)
        {
            // This page's inputs win over the carried answers (the person may have changed them).
            foreach (var prop in data.EnumerateObject())
            {
                if (fields.Contains(prop.Name) && AsString(prop.Value) is { } v) answers[prop.Name] = v;
            }
        }
        return new WizardState(sessionId, page, answers);
    }

    public WizardState WithPage(int page) => this with { Page = page };

    /// <summary>The data object the next card's actions carry.</summary>
    public JsonObject ToActionData(int page, string? direction = null)
    {
        var answers = new JsonObject();
        // Plain breaks "{{" and "${" so no client-side template or date function ever acts on typed text.
        foreach (var (k, v) in Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal)) answers[k] = Cards.CardText.Plain(v);
        var data = new JsonObject { ["sessionId"] = SessionId, ["page"] = page, ["answers"] = answers };
        if (direction is not null) data["direction"] = direction;
        return data;
    }

    /// <summary>
    /// The answers as an intake JSON object (docs/policy-and-register.md) for <c>IntakeParser</c>: booleans and the minimum age
    /// typed, multi-selects as arrays, empty answers left out, learner answers dropped when only staff use it.
    /// A value that cannot be typed stays a string, so the parser reports that field.
    /// </summary>
    public JsonElement ToIntakeJson()
    {
        var o = new JsonObject();
        foreach (var (field, value) in Answers)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!LearnersInvolved && LearnerFields.Contains(field)) continue;
            o[field] = field switch
            {
                "dataCategories" or "significantEffect" => new JsonArray(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
                "declNoDataYet" or "declReadPolicy" or "aiProducesAssessedWork" => value switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => JsonValue.Create(value),
                },
                "vendorMinAge" => int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age)
                    ? JsonValue.Create(age) : JsonValue.Create(value),
                _ => JsonValue.Create(value.Trim()),
            };
        }
        return JsonSerializer.SerializeToElement(o);
    }

    private static readonly HashSet<string> LearnerFields = new(StringComparer.Ordinal)
    {
        "youngestYearGroup", "supervision", "vendorMinAge", "filteringMonitoring", "aiProducesAssessedWork",
    };

    private static string? AsString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => Cap(v.GetString()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    private static string? Cap(string? s) => s is null ? null : s.Length > MaxAnswerLength + 1 ? s[..(MaxAnswerLength + 1)] : s;
}
