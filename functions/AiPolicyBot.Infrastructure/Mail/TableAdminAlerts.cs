using AiPolicyBot.Common;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// <see cref="IAdminAlerts"/> for now: a Critical log line (ids only, no personal data; Application Insights alert
/// rules fire on it) plus an alert record in {prefix}Alerts (PartitionKey "alert", RowKey = the alert id), once per id.
/// A Teams notification to the IA admins can be added behind the same port.
/// </summary>
public sealed class TableAdminAlerts(MailStorage storage, ILogger<TableAdminAlerts> logger) : IAdminAlerts
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
        try { await storage.Alerts.AddEntityAsync(entity, ct); }
        catch (RequestFailedException e) when (e.Status == 409) { return; } // raised before
        logger.LogCritical("Admin alert {Kind} {AlertId} for {Reference}", alert.Kind, alert.Id, alert.Reference);
    }

    public async Task<IReadOnlyList<AdminAlert>> ListAsync(CancellationToken ct)
    {
        await storage.EnsureCreatedAsync(ct);
        var list = new List<AdminAlert>();
        await foreach (var e in storage.Alerts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
            list.Add(new AdminAlert(e.GetString("AlertId"), e.GetString("Kind"), e.GetString("Reference"), e.GetString("Detail"),
                e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        return list;
    }

    /// <summary>Alert ids contain '|'; keys must not contain / \ # ?.</summary>
    private static string RowKey(string id) => string.Concat(id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c));
}
