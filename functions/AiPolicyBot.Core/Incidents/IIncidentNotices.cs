namespace AiPolicyBot.Incidents;

/// <summary>Tells the DPO about a case in Teams (the case card in their chat with the bot); false when unreachable.</summary>
public interface IIncidentNotices
{
    Task<bool> CaseOpenedAsync(string userId, IncidentCase c, CancellationToken ct);

    Task<bool> ReminderAsync(string userId, IncidentCase c, int hoursSinceOpened, CancellationToken ct);
}
