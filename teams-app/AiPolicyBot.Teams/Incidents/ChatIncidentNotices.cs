using AiPolicyBot.Approvals;
using AiPolicyBot.Incidents;
using AiPolicyBot.Teams.Approvals;

namespace AiPolicyBot.Teams.Incidents;

/// <summary><see cref="IIncidentNotices"/> as the case card in the DPO's 1:1 chat with the bot.</summary>
public sealed class ChatIncidentNotices(IApprovalMessenger messenger, TimeProvider time) : IIncidentNotices
{
    private static readonly IncidentRoles Dpo = new(true, true);

    public async Task<bool> CaseOpenedAsync(string userId, IncidentCase c, CancellationToken ct) =>
        await messenger.SendCardToUserAsync(userId, IncidentCardBuilder.Build(new IncidentCardContext(c, Dpo, time.GetUtcNow(),
            "A new incident case is yours to assess: the 72-hour clock has started.")), ct) is not null;

    public async Task<bool> ReminderAsync(string userId, IncidentCase c, int hoursSinceOpened, CancellationToken ct) =>
        await messenger.SendCardToUserAsync(userId, IncidentCardBuilder.Build(new IncidentCardContext(c, Dpo, time.GetUtcNow(),
            $"Reminder: {hoursSinceOpened} hours have passed and the case still has no decision.", NoticeIsProblem: true)), ct) is not null;
}
