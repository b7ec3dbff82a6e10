using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;

namespace AiPolicyBot.Application.Reports.Training;

/// <summary>One row of the training report: a person (Entra object id) and a register entry, and where they stand.</summary>
public sealed record TrainingRow(string UserId, string EntryId, string Tool, TrainingRecord? Record, DateTimeOffset? ExpiresAt, TrainingState State);

/// <summary>
/// /api/reports/training (docs/spec/training-records.md): one row per person and tool with the attestation date,
/// policy version, expiry and state (current, expired, missing). Every attestation is listed; then everyone with
/// access to a tool that needs training (an approved request for it) and no attestation at all, as "missing": the
/// people who have access but are not trained. A snapshot of today: the period does not apply. Streams: attested rows
/// go out as they are read, the missing ones after.
/// </summary>
public sealed class TrainingReport(
    ITrainingStore training,
    IRequestReportSource requests,
    RegisterCache register,
    Func<TrainingTerms> terms,
    TimeProvider time) : Report<TrainingRow>
{
    public override string Name => "training";

    public override bool UsesPeriod => false;

    protected override IReadOnlyList<ReportColumn<TrainingRow>> Definition { get; } =
    [
        new("userId", r => r.UserId),
        new("entryId", r => r.EntryId),
        new("tool", r => r.Tool),
        new("attestedOn", r => r.Record is { } rec ? DateOnly.FromDateTime(rec.CompletedAt.UtcDateTime) : null),
        new("policyVersion", r => r.Record?.PolicyVersion),
        new("expiresOn", r => r.ExpiresAt is { } e ? DateOnly.FromDateTime(e.UtcDateTime) : null),
        new("state", r => r.State.ToString().ToLowerInvariant()),
    ];

    public override async IAsyncEnumerable<TrainingRow> ReadAsync(ReportPeriod period,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var snapshot = await register.GetAsync(ct);
        var (current, now) = (terms(), time.GetUtcNow());
        var attested = new HashSet<(string, string)>();
        await foreach (var r in training.ListAllAsync(ct))
        {
            attested.Add((r.UserId, r.EntryId));
            var expires = !string.Equals(r.PolicyVersion, current.PolicyVersion, StringComparison.Ordinal)
                ? (DateTimeOffset?)null // ended by the policy change, not by a date
                : TrainingValidity.ExpiresAt(r, current.ValidityMonths);
            yield return new TrainingRow(r.UserId, r.EntryId, snapshot.Get(r.EntryId)?.Name ?? r.EntryId, r, expires,
                TrainingValidity.StateOf(r, current, now));
        }

        var needsTraining = snapshot.Entries
            .Where(e => e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData && e.Conditions.Contains(ConditionCodes.TrainingBeforeFirstUse))
            .ToDictionary(e => e.Id, StringComparer.Ordinal);
        var missing = new SortedSet<(string UserId, string EntryId)>();
        await foreach (var request in requests.ReadAsync(ReportPeriod.All, ct))
        {
            if (request.State != RequestState.Approved || request.RequesterId.StartsWith("mail:", StringComparison.Ordinal)) continue;
            var entryId = request.Outcome.RegisterEntryId ?? (snapshot.FindExact(request.Intake.ToolName) is [var only] ? only.Id : null);
            if (entryId is not null && needsTraining.ContainsKey(entryId) && !attested.Contains((request.RequesterId, entryId)))
                missing.Add((request.RequesterId, entryId));
        }
        foreach (var (userId, entryId) in missing)
            yield return new TrainingRow(userId, entryId, needsTraining[entryId].Name, null, null, TrainingState.Missing);
    }
}
