using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// Short messages to one person about a request or a register entry, in their 1:1 chat with the bot. Each returns
/// false when the person cannot be reached (the bot is not installed for them). The wording belongs to the channel.
/// </summary>
public interface IApprovalNotices
{
    /// <summary>To the DPO: the requester said data may already be in the tool (rule R0).</summary>
    Task<bool> PossibleIncidentAsync(string userId, ToolRequest request, CancellationToken ct);

    /// <summary>To IT: an approved tool needs packaging and deploying.</summary>
    Task<bool> InstallNeededAsync(string userId, ToolRequest request, CancellationToken ct);

    /// <summary>To the approver who asked: the requester answered the question.</summary>
    Task<bool> AnswerReceivedAsync(string userId, ToolRequest request, CancellationToken ct);

    /// <summary>To the requester: the request's new state (a decision, a question, expiry).</summary>
    Task<bool> StateChangedAsync(string userId, ToolRequest request, CancellationToken ct);

    /// <summary>To a pending approver: the request still waits for their decision.</summary>
    Task<bool> ReminderAsync(string userId, ToolRequest request, CancellationToken ct);

    /// <summary>To the CIO: a register entry's review date is <paramref name="daysLeft"/> days away.</summary>
    Task<bool> ReviewDueAsync(string userId, RegisterEntry entry, DateOnly reviewBy, int daysLeft, CancellationToken ct);
}
