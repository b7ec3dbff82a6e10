using System.Globalization;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Incidents;
using AiPolicyBot.Mail;

namespace AiPolicyBot.Application.Incidents;

/// <summary>Renders the DPO's incident reminders (job "{case}-remind-{hours}") from the stored case, to <paramref name="dpoAddress"/>.</summary>
public sealed class IncidentMailRenderer(IIncidentStore store, string dpoAddress, TimeProvider time) : IOutboxMailRenderer
{
    public bool Renders(MailKind kind) => kind == MailKind.IncidentReminder;

    public async Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct)
    {
        var c = await store.GetAsync(job.Reference, ct)
            ?? throw new InvalidOperationException($"Incident {job.Reference} of mail job {job.JobId} was not found.");
        var hours = int.TryParse(job.JobId[(job.JobId.LastIndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : 24;
        return IncidentMailComposer.Reminder(job.JobId, c.Value, hours, dpoAddress, time.GetUtcNow());
    }
}
