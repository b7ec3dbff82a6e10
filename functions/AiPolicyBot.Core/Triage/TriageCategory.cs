namespace AiPolicyBot.Triage;

/// <summary>
/// Triage categories (docs/spec/triage.md), declared in precedence order: breach &gt; complaint &gt; concern &gt; toolRequest
/// &gt; question &gt; marketing &gt; other. <see cref="NeedsHuman"/> is the abstention, not a class.
/// Serialised camelCase by AiPolicyJson ("toolRequest", "needsHuman").
/// </summary>
public enum TriageCategory
{
    Breach,
    Complaint,
    Concern,
    ToolRequest,
    Question,
    Marketing,
    Other,
    NeedsHuman,
}

public static class TriageCategories
{
    /// <summary>The seven real classes in precedence order (lower index wins).</summary>
    public static readonly IReadOnlyList<TriageCategory> Classes =
    [
        TriageCategory.Breach, TriageCategory.Complaint, TriageCategory.Concern, TriageCategory.ToolRequest,
        TriageCategory.Question, TriageCategory.Marketing, TriageCategory.Other,
    ];

    public static string WireName(this TriageCategory category) =>
        char.ToLowerInvariant(category.ToString()[0]) + category.ToString()[1..];

    public static bool TryParse(string? wire, out TriageCategory category)
    {
        foreach (var c in Enum.GetValues<TriageCategory>())
        {
            if (string.Equals(c.WireName(), wire, StringComparison.Ordinal)) { category = c; return true; }
        }
        category = default;
        return false;
    }
}
