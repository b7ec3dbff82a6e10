using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Incidents;
using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Application.Incidents;

/// <summary>
/// The reminder timer: for every case still waiting for the DPO's decision 24 or 48 hours after it opened, an email
/// to the DPO through the outbox (job "{case}-remind-{hours}": recorded once however often the timer runs), the case
/// card in the DPO's Teams chat (claimed once per person), an audit row, and the reminder marked on the case.
/// </summary>
public sealed class IncidentReminders(
    IIncidentStore store,
    IOutbox outbox,
    IIncidentNotices notices,
    IIdempotencyStore once,
    IApproverDirectorySource directories,
    IAuditLog audit,
    TimeProvider time,
    ILogger<IncidentReminders> logger)
{
    public static OutboxJob JobFor(IncidentCase c, int hours, DateTimeOffset at) => new($"{c.Id}-remind-{hours}", c.Id, MailKind.IncidentReminder, at);

    /// <summary>Returns how many reminders were due.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = new List<IncidentCase>();
        await foreach (var c in store.ListAsync(ct))
            if (IncidentClock.RemindersDue(c, now).Count > 0) due.Add(c);
        if (due.Count == 0) return 0;
        var directory = await directories.GetAsync(ct);
        var count = 0;
        foreach (var c in due)
            foreach (var hours in IncidentClock.RemindersDue(c, now))
            {
                count++;
                await outbox.EnsureAsync(JobFor(c, hours, now), ct);
                foreach (var dpo in IncidentAccess.Dpos(directory))
                    if (await once.TryClaimAsync(IncidentCases.NoticeScope, $"{c.Id}|remind-{hours}|{dpo}", ct))
                        try
                        {
                            await notices.ReminderAsync(dpo, c, hours, ct);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            await once.ReleaseAsync(IncidentCases.NoticeScope, $"{c.Id}|remind-{hours}|{dpo}", CancellationToken.None);
                            logger.LogWarning("Incident {Id}: Teams reminder not sent ({Error}); the email stands", c.Id, e.GetType().Name);
                        }
                await MarkSentAsync(c.Id, hours, ct);
            }
        return count;
    }

    private async Task MarkSentAsync(string id, int hours, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await store.GetAsync(id, ct);
            if (current is null || current.Value.RemindersSent.Contains(hours)) return;
            try
            {
                await store.UpdateAsync(current.Value with { RemindersSent = [.. current.Value.RemindersSent, hours] }, current.Version, ct);
                await audit.AppendAsync(id, new AuditEvent("incident-reminder", "timer:incident-reminders", id, $"{{\"hours\":{hours}}}"), ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
            }
        }
    }
}
