using AiPolicyBot.Approvals;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Teams.Approvals;

/// <summary><see cref="IApprovalNotices"/> as Markdown messages (<see cref="ApprovalMessages"/>) in the person's 1:1 chat.</summary>
public sealed class ChatApprovalNotices(IApprovalMessenger messenger) : IApprovalNotices
{
    public Task<bool> PossibleIncidentAsync(string userId, ToolRequest request, CancellationToken ct) =>
        messenger.SendTextToUserAsync(userId, ApprovalMessages.PossibleIncident(request), ct);

    public Task<bool> InstallNeededAsync(string userId, ToolRequest request, CancellationToken ct) =>
        messenger.SendTextToUserAsync(userId, ApprovalMessages.InstallNeeded(request), ct);

    public Task<bool> AnswerReceivedAsync(string userId, ToolRequest request, CancellationToken ct) =>
        messenger.SendTextToUserAsync(userId, ApprovalMessages.AnswerReceived(request), ct);

    public Task<bool> StateChangedAsync(string userId, ToolRequest request, CancellationToken ct) =>
        messenger.SendTextToUserAsync(userId, ApprovalMessages.ToRequester(request), ct);

    public Task<bool> ReminderAsync(string userId, ToolRequest request, CancellationToken ct) =>
        messenger.SendTextToUserAsync(userId, ApprovalMessages.Reminder(request), ct);

    public Task<bool> ReviewDueAsync(string userId, RegisterEntry entry, DateOnly reviewBy, int daysLeft, CancellationToken ct) =>
        messenger.SendTextToUserAsync(userId, ApprovalMessages.ReviewDue(entry, reviewBy, daysLeft), ct);
}
