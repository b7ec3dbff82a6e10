using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Conversation;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>The closed lists the tab's filters and editor offer, with their plain-English labels, from the one source
/// the server validates against (so the page never offers a value the API refuses).</summary>
public static class RegisterVocabulary
{
    public static JsonObject Json => new()
    {
        ["statuses"] = List(WireEnum<RegisterStatus>.Names, n => WireEnum<RegisterStatus>.TryParse(n, out var s) ? PlainWords.Status(s) : n),
        ["editions"] = List(WireEnum<Edition>.Names, Words),
        ["accessModes"] = List(WireEnum<AccessMode>.Names, Words),
        ["users"] = List(WireEnum<UserGroup>.Names, n => WireEnum<UserGroup>.TryParse(n, out var u) ? PlainWords.Users(u) : n),
        ["yearGroups"] = List(WireEnum<YearGroup>.Names, n => WireEnum<YearGroup>.TryParse(n, out var y) ? UseCheck.YearName(y) : n),
        ["useCategories"] = List(WireEnum<UseCategory>.Names, n => WireEnum<UseCategory>.TryParse(n, out var c) ? PlainWords.UseCategory(c) : n),
        ["conditions"] = List(ConditionCodes.All.Order(StringComparer.Ordinal), ConditionDescriptions.Describe),
    };

    private static JsonArray List(IEnumerable<string> values, Func<string, string> text) =>
        new(values.Select(v => (JsonNode?)new JsonObject { ["value"] = v, ["text"] = text(v) }).ToArray());

    // "educationEnterprise" → "Education enterprise".
    private static string Words(string wire)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in wire)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ');
            text.Append(text.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
