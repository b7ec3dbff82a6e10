using System.Text.Json;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Incidents;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Application.Incidents;

/// <summary>What happened to a command: the case as stored now (null if not found or not visible) and the rule result.</summary>
public sealed record IncidentOutcome(Versioned<IncidentCase>? Case, IncidentCommandResult? Result, IncidentRoles Roles)
{
    public bool Hidden => !Roles.CanSee;
}

/// <summary>
/// The incident-case use cases (docs/spec/incidents.md): open a case for a cause (once), and the DPO's decide,
/// add-action and close. Every step is an audit row in the case's own stream (the case id), every change is stored
/// under the case's ETag (a stale write re-reads and re-applies), and a new case is posted to the DPO in Teams once.
/// </summary>
public sealed class IncidentCases(
    IIncidentStore store,
    IAuditLog audit,
    IApproverDirectorySource directories,
    IIncidentNotices notices,
    IIdempotencyStore once,
    TimeProvider time,
    ILogger<IncidentCases> logger) : IIncidentIntake
{
    public const string NoticeScope = "incident-notice";
    private const int MaxAttempts = 5;

    public async Task<IncidentCase> OpenAsync(IncidentOpening opening, CancellationToken ct)
    {
        var draft = new IncidentCase
        {
            Id = "",
            SourceKey = opening.SourceKey,
            Source = opening.Source,
            Severity = opening.Severity,
            OpenedAt = opening.AwareAt,
            DueAt = IncidentClock.DueAt(opening.AwareAt),
            AcademyId = opening.AcademyId,
            Origin = opening.Origin,
            Facts = opening.Facts,
        };
        var (stored, created) = await store.OpenAsync(draft, ct);
        var c = stored.Value;
        if (created)
            await audit.AppendAsync(c.Id, new AuditEvent("incident-opened", opening.OpenedById, c.Id,
                Data(new { source = c.Source, severity = c.Severity, origin = c.Origin, dueAt = c.DueAt })), ct);
        // Also on a repeat: a run that stopped after storing the case still tells the DPO (each person once).
        var directory = await directories.GetAsync(ct);
        foreach (var dpo in IncidentAccess.Dpos(directory))
        {
            if (!await once.TryClaimAsync(NoticeScope, $"{c.Id}|opened|{dpo}", ct)) continue;
            try
            {
                if (!await notices.CaseOpenedAsync(dpo, c, ct)) logger.LogWarning("Incident {Id}: a DPO could not be reached in Teams", c.Id);
            }
            catch
            {
                await once.ReleaseAsync(NoticeScope, $"{c.Id}|opened|{dpo}", CancellationToken.None);
                throw;
            }
        }
        if (IncidentAccess.Dpos(directory).Count == 0) logger.LogError("Incident {Id} opened but no DPO is configured (Approvers:Dpo)", c.Id);
        return c;
    }

    /// <summary>The case if <paramref name="userId"/> may see it.</summary>
    public async Task<IncidentOutcome> GetAsync(string id, string userId, CancellationToken ct)
    {
        var roles = IncidentAccess.For(await directories.GetAsync(ct), userId);
        if (!roles.CanSee) return new(null, null, roles);
        return new(await store.GetAsync(id, ct), null, roles);
    }

    /// <summary>Applies a command for a person named by the Teams directory roles (cards).</summary>
    public async Task<IncidentOutcome> ExecuteAsync(string id, IncidentCommand command, CancellationToken ct) =>
        await ExecuteAsync(id, command, IncidentAccess.For(await directories.GetAsync(ct), command.Actor.UserId), ct);

    /// <summary>Applies a command with roles the caller established (the tab's app roles).</summary>
    public async Task<IncidentOutcome> ExecuteAsync(string id, IncidentCommand command, IncidentRoles roles, CancellationToken ct)
    {
        if (!roles.CanSee) return new(null, null, roles);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(id, ct);
            if (current is null) return new(null, null, roles);
            var result = IncidentRules.Apply(current.Value, command, roles, time.GetUtcNow());
            if (result.Status != IncidentCommandStatus.Applied) return new(current, result, roles);
            try
            {
                var saved = await store.UpdateAsync(result.Case, current.Version, ct);
                await audit.AppendAsync(id, AuditEventFor(command, result.Case), ct);
                return new(saved, result, roles);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the case meanwhile: apply the command to what they stored.
            }
        }
    }

    private static AuditEvent AuditEventFor(IncidentCommand command, IncidentCase c) => command switch
    {
        DecideIncidentCommand => new("incident-decided", command.Actor.UserId, c.Id, Data(new { reportableToIco = c.Decision!.ReportableToIco })),
        AddIncidentActionCommand => new("incident-action", command.Actor.UserId, c.Id, Data(new { actions = c.Actions.Count })),
        CloseIncidentCommand => new("incident-closed", command.Actor.UserId, c.Id, Data(new { reportableToIco = c.Decision?.ReportableToIco })),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    // Audit data holds ids, flags and times only: reasons and actions stay on the case (the audit log is kept for years).
    private static string Data(object value) => JsonSerializer.Serialize(value, AiPolicyJson.Options);
}
