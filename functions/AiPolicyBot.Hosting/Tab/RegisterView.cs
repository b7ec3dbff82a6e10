using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.MessageExtension;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// The register as staff read it in the tab: each entry with its status and scope in plain words, its conditions in
/// plain English, the policy section and the review date, worded as the bot words them (the same status rules, so
/// a lapsed review shows as "due for review" in both places).
/// </summary>
public static class RegisterView
{
    public static JsonObject Entry(RegisterEntry e, DateOnly today, AcademyOptions academies)
    {
        var assessment = ToolStatusWords.Assess(e, today);
        return new JsonObject
        {
            ["id"] = e.Id,
            ["name"] = e.Name,
            ["vendor"] = e.Vendor,
            ["edition"] = e.Edition is { } ed ? WireEnum<Edition>.Name(ed) : null,
            ["aliases"] = Strings(e.Aliases),
            ["status"] = WireEnum<RegisterStatus>.Name(e.Status),
            ["statusText"] = ToolStatusWords.Short(assessment),
            ["usable"] = ToolStatusWords.IsUsable(assessment),
            ["users"] = e.Scope.Users is { } u ? WireEnum<UserGroup>.Name(u) : null,
            ["usersText"] = PlainWords.Users(e.Scope.Users),
            ["learners"] = e.Scope.Users is UserGroup.Learners or UserGroup.StaffAndLearners,
            ["minYearGroup"] = e.Scope.MinYearGroup is { } y ? UseCheck.YearName(y) : null,
            ["personalData"] = assessment.DataAllowed,
            ["academies"] = e.Scope.Academies is { } a ? Strings(a) : null,
            ["academiesText"] = e.Scope.Academies is { } list ? string.Join(", ", list.Select(academies.NameOf)) : "All academies",
            ["useCategories"] = e.Scope.UseCategories is { } uc ? Strings(uc.Select(c => WireEnum<UseCategory>.Name(c))) : null,
            ["usesText"] = e.Scope.UseCategories is { } ucs ? string.Join(", ", ucs.Select(PlainWords.UseCategory)) : "Any use within the conditions",
            ["conditions"] = new JsonArray(e.Conditions.Select(c => (JsonNode?)new JsonObject
            {
                ["code"] = c,
                ["text"] = ConditionDescriptions.Describe(c),
            }).ToArray()),
            ["trainingUrl"] = e.TrainingUrl,
            ["decisionReason"] = e.DecisionReason,
            ["policySections"] = Strings(e.PolicySections.Count > 0 ? e.PolicySections : [assessment.PolicySection]),
            ["reviewBy"] = e.ReviewBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["reviewByText"] = e.ReviewBy is { } r ? PlainWords.Date(r) : null,
            ["reviewDue"] = e.ReviewBy is { } due && due < today,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
