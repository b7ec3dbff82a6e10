namespace AiPolicyBot.Incidents;

/// <summary>
/// The 72-hour clock (UK GDPR article 33: a reportable breach reaches the ICO within 72 hours of the Trust becoming
/// aware of it) and the DPO's reminders at 24 and 48 hours while no decision is recorded. Pure.
/// </summary>
public static class IncidentClock
{
    public static readonly TimeSpan ReportWithin = TimeSpan.FromHours(72);

    public static readonly IReadOnlyList<int> ReminderHours = [24, 48];

    public static DateTimeOffset DueAt(DateTimeOffset openedAt) => openedAt + ReportWithin;

    /// <summary>The reminders due now and not sent yet (none once the DPO has decided or the case is closed).</summary>
    public static IReadOnlyList<int> RemindersDue(IncidentCase c, DateTimeOffset now) =>
        c.State != IncidentState.Open ? [] : ReminderHours.Where(h => now >= c.OpenedAt.AddHours(h) && !c.RemindersSent.Contains(h)).ToList();

    /// <summary>Hours left before the 72 hours run out (negative when overdue).</summary>
    public static double HoursLeft(IncidentCase c, DateTimeOffset now) => Math.Round((c.DueAt - now).TotalHours, 1);
}
