using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Testing.Triage;

/// <summary>A triaged mail from a teacher, read from the shared mailbox; tests change only what they look at.</summary>
public static class TriageSamples
{
    /// <summary>A mail triaged as <paramref name="category"/> and done with; the key is 64 hex-like characters, as a hash is.</summary>
    public static TriageRecord Record(TriageCategory category = TriageCategory.Question, string? key = null) => new()
    {
        Key = key ?? new string('a', 64),
        Source = "graph",
        SourceId = "id",
        FromAddress = "sam@oak.example",
        Subject = "Which tools are approved?",
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Category = category,
        Confidence = 0.9,
        State = TriageRecordState.Done,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
