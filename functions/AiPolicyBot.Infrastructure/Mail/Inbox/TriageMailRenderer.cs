using AiPolicyBot.Application.Mail;
using AiPolicyBot.Mail;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// Renders the triage mails (DPO alert, complaint forward, acknowledgement) for the mail-outbox sender from the
/// stored triage record: the outbox row's reference is "triage-{record key}".
/// </summary>
public sealed class TriageMailRenderer(ITriageRecordStore records, TriageOptions options, GraphMailOptions mail, LocalMailOptions local) : ITriageMailRenderer
{
    public async Task<MailMessage> ComposeAsync(OutboxJob job, CancellationToken ct)
    {
        if (!job.Reference.StartsWith(TriageRecord.OutboxPrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"Mail job {job.JobId} is not a triage mail.");
        var key = job.Reference[TriageRecord.OutboxPrefix.Length..];
        var record = await records.GetAsync(key, ct)
            ?? throw new InvalidOperationException($"Triage record of mail job {job.JobId} was not found.");
        var settings = new TriageMailSettings(options.DpoAddress ?? mail.Recipient, options.ComplaintsContact ?? mail.Recipient, LocationOf);
        return TriageMailComposer.Compose(job, record.Value, settings);
    }

    private string LocationOf(TriageRecord r) => r.Source == LocalDropFolder.Source
        ? $"local file {Path.Combine(local.Root, "triaged", r.Category.WireName())} (Message-ID or hash {r.SourceId})"
        : $"IA mailbox folder \"{GraphTriageMarker.FolderName(r.Category)}\" (internet message id {r.InternetMessageId})";
}
