namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>What a staff message asks for (labels as in tests/fixtures/chat-dev.jsonl).</summary>
public enum Intent
{
    AskTool,
    RequestApproval,
    ListApproved,
    MyRequests,
    TrainingDone,
    Help,
    /// <summary>An approver asks what is waiting for them (handled by the approvals part).</summary>
    PendingApprovals,
    Other,
    /// <summary>Not sure enough to answer: ask one short question with the likely intents as buttons.</summary>
    Clarify,
}

public static class IntentNames
{
    /// <summary>The camelCase label used in the data sets ("askTool").</summary>
    public static string Label(this Intent intent)
    {
        var name = intent.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The intent for a label ("askTool"), or null for an unknown label.</summary>
    public static Intent? FromLabel(string? label) =>
        Enum.TryParse<Intent>(label, ignoreCase: true, out var intent) && Enum.IsDefined(intent) ? intent : null;
}
