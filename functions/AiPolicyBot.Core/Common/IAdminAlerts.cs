namespace AiPolicyBot.Common;

/// <summary>
/// Tells the IA admins that something needs a person (e.g. an email that could not be sent after every retry).
/// An alert carries ids and a reason, never personal data.
/// </summary>
public interface IAdminAlerts
{
    /// <summary>Raises the alert; raising the same <see cref="AdminAlert.Id"/> twice records it once.</summary>
    Task RaiseAsync(AdminAlert alert, CancellationToken ct);

    /// <summary>The alert recorded under <paramref name="id"/>, or null.</summary>
    Task<AdminAlert?> GetAsync(string id, CancellationToken ct);
}

/// <param name="Id">Deterministic id, so a repeated cause is one alert (e.g. "mail-poison|AIP-2026-0042-decision").</param>
/// <param name="Kind">What happened, e.g. "MailPoisoned".</param>
/// <param name="Reference">The request reference, when there is one.</param>
/// <param name="Detail">Plain English for the admins, with no personal data.</param>
public sealed record AdminAlert(string Id, string Kind, string? Reference, string Detail, DateTimeOffset At);
