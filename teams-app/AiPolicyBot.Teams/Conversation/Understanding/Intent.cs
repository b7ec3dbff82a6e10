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
}

public static class IntentNames
{
    /// <summary>The camelCase label used in the data sets ("askTool").</summary>
    public static string Label(this Intent intent)
    {
        var name = intent.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
