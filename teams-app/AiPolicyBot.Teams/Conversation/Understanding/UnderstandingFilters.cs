namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>What a message narrows a list or an answer by, in the shape of the conversation preview's "filters".</summary>
public static class UnderstandingFilters
{
    /// <summary>Only what was said: absent keys mean "not said".</summary>
    public static Dictionary<string, object> From(UnderstoodMessage u)
    {
        var f = new Dictionary<string, object>(StringComparer.Ordinal);
        if (u.Hints.UseCategory is { } use) f["useCategory"] = char.ToLowerInvariant(use.ToString()[0]) + use.ToString()[1..];
        if (u.Academy is { } academy) f["academy"] = academy;
        if (u.Hints.MentionsPersonalData) f["personalData"] = true;
        else if (u.Hints.SaysNoPersonalData) f["personalData"] = false;
        if (u.Hints.LearnersUse) f["learners"] = true;
        return f;
    }
}
