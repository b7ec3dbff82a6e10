using AiPolicyBot.Common;
using AiPolicyBot.Mail;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// <see cref="IAdminAlerts"/>: an alert record in {prefix}Alerts (PartitionKey "alert", RowKey = the alert id), once per
/// id, a Critical log line (ids only, no personal data; Application Insights alert rules fire on it), and an email to
/// the IA mailbox through the outbox (<see cref="AdminAlertMail"/>; insert-if-absent, so raising again heals a crash
/// between the record and the job). An alert about an alert email that failed is recorded and logged, not mailed.
/// </summary>
public sealed class TableAdminAlerts(MailStorage storage, ILogger<TableAdminAlerts> logger, IOutbox? outbox = null) : IAdminAlerts
{
    public const string Partition = "alert";

    public async Task RaiseAsync(AdminAlert alert, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var entity = new TableEntity(Partition, RowKey(alert.Id))
        {
            ["AlertId"] = alert.Id,
            ["Kind"] = alert.Kind,
            ["Reference"] = alert.Reference,
            ["Detail"] = alert.Detail,
            ["At"] = alert.At,
            ["Acknowledged"] = false,
        };
        var raised = true;
        try
        {
            await storage.Alerts.AddEntityAsync(entity, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // raised before
            raised = false;
        }
        if (raised) logger.LogCritical("Admin alert {Kind} {AlertId} for {Reference}", alert.Kind, alert.Id, alert.Reference);
        if (outbox is not null && !AdminAlertMail.IsAboutAlertMail(alert)) await outbox.EnsureAsync(AdminAlertMail.JobFor(alert), ct);
    }

    public async Task<AdminAlert?> GetAsync(string id, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var found = await storage.Alerts.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(id), cancellationToken: ct);
        return found.HasValue ? ToAlert(found.Value!) : null;
    }

    public async Task<IReadOnlyList<AdminAlert>> ListAsync(CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var list = new List<AdminAlert>();
        await foreach (var e in storage.Alerts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
            list.Add(ToAlert(e));
        return list;
    }

    private static AdminAlert ToAlert(TableEntity e) => new(e.GetString("AlertId"), e.GetString("Kind"), e.GetString("Reference"), e.GetString("Detail"),
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);

    /// <summary>Alert ids contain '|'; keys must not contain / \ # ?.</summary>
    private static string RowKey(string id) => string.Concat(id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c));
}
