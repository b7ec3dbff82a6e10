using System.Text.Json;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// Register changes in the audit chain: every change is a row of the "register" stream (the stream the approval
/// flow writes too), with the entry id as its subject and the old and new content hashes, so the per-entry history
/// is a filter of one stream (docs/register-admin.md).
/// </summary>
public sealed class RegisterAudit(IAuditLog audit)
{
    public const string Stream = "register";
    public const string Created = "register.created";
    public const string Replaced = "register.replaced";
    public const string Imported = "register.imported";

    public Task<AuditEntry> RecordAsync(string kind, RegisterActor actor, RegisterEntry? before, RegisterEntry after, string source,
        RegisterActor? importedBy, CancellationToken ct)
    {
        var data = new RegisterAuditData(
            before is null ? null : RegisterEntryHash.Of(before), RegisterEntryHash.Of(after),
            RegisterEntryHash.ChangedFields(before, after), source, importedBy?.Id);
        return audit.AppendAsync(Stream, new AuditEvent(kind, actor.Id, after.Id, JsonSerializer.Serialize(data, AiPolicyJson.Options)), ct);
    }

    /// <summary>Every change to <paramref name="id"/>, newest first (approval decisions included).</summary>
    public async Task<IReadOnlyList<RegisterHistoryItem>> HistoryAsync(string id, CancellationToken ct)
    {
        var rows = await audit.ReadAsync(Stream, ct);
        return rows.Where(r => r.Subject == id).OrderByDescending(r => r.Sequence).Select(r => RegisterHistoryItem.From(r, Data(r))).ToList();
    }

    private static RegisterAuditData Data(AuditEntry row)
    {
        if (row.Kind == AuditKinds.RegisterUpdated) return new RegisterAuditData(null, null, null, "approval");
        try
        {
            return JsonSerializer.Deserialize<RegisterAuditData>(row.Data ?? "{}", AiPolicyJson.Options) ?? new RegisterAuditData(null, null, null, null);
        }
        catch (JsonException)
        {
            return new RegisterAuditData(null, null, null, null);
        }
    }
}
