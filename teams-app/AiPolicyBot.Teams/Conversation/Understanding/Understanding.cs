using AiPolicyBot.Register;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// A recognised message: the intent, the register tool it names (or a tool-like name not in the register), and hints.
/// </summary>
public sealed record Understanding(Intent Intent, RegisterEntry? Tool, string? UnknownToolName, UseHints Hints, string Text)
{
    /// <summary>"chatgpt-free", "unknown:Perplexity" or null, as labelled in chat-dev.jsonl.</summary>
    public string? ToolLabel => Tool is not null ? Tool.Id : UnknownToolName is not null ? "unknown:" + UnknownToolName : null;

    /// <summary>The tool name to show or prefill: the register name, else the name as typed.</summary>
    public string? ToolName => Tool?.Name ?? UnknownToolName;
}
