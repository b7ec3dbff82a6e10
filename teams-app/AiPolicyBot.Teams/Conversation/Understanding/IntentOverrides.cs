namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// The one rule beside the model: a command typed on its own, exactly as the help card and the buttons name it.
/// The model's top guess for such a one-word message is usually right but not sure enough ("start" comes out as a
/// clarifying question, IntentOverrideTests), and asking back about a command is a poor answer. Request references
/// need no rule: the model reads them right on its own, and <see cref="HintExtractor"/> picks the reference up.
/// </summary>
public static class IntentOverrides
{
    private static readonly Dictionary<string, Intent> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = Intent.Help, ["menu"] = Intent.Help, ["commands"] = Intent.Help, ["options"] = Intent.Help,
        ["start"] = Intent.Help, ["get started"] = Intent.Help,
        ["my requests"] = Intent.MyRequests, ["pending approvals"] = Intent.PendingApprovals,
        ["approved tools"] = Intent.ListApproved, ["request approval"] = Intent.RequestApproval,
    };

    /// <summary>The command's intent, or null to let the model decide. Empty text is the help card.</summary>
    public static Intent? For(string text)
    {
        if (text.Length == 0) return Intent.Help;
        // A command is short: anything longer is a sentence for the model.
        if (text.Length > 40) return null;
        var bare = text.Trim().Trim('!', '.', '?', ',', ';', ':', '"', '\'', ' ');
        return Commands.TryGetValue(bare, out var command) ? command : null;
    }
}
