using AiPolicyBot.Common;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Application.Reports.Triage;

/// <summary>
/// /api/reports/triage: one row per mail triaged in the period (docs/spec/reports.md): when it came, the category the
/// classifier gave with its confidence, whether a person confirmed or corrected it (and who, as an Entra object id),
/// and what the bot did. Never the sender, subject or body.
/// </summary>
public sealed class TriageReport(ITriageReportSource source) : Report<TriageRecord>
{
    public override string Name => "triage";

    protected override IReadOnlyList<ReportColumn<TriageRecord>> Definition { get; } =
    [
        new("received", r => r.ReceivedAt),
        new("category", r => r.Category.WireName()),
        new("confidence", r => Math.Round(r.Confidence, 2)),
        new("review", r => Review(r)),
        new("reviewedBy", r => r.ConfirmedCategory is null ? null : r.ConfirmedBy),
        new("correctedTo", r => r.ConfirmedCategory is { } c && c != r.Category ? c.WireName() : null),
        new("action", r => Action(r)),
    ];

    public override IAsyncEnumerable<TriageRecord> ReadAsync(ReportPeriod period, CancellationToken ct) => source.ReadAsync(period, ct);

    /// <summary>"confirmed", "corrected" or "pending" (nobody has looked at the triage card yet).</summary>
    public static string Review(TriageRecord r) =>
        r.ConfirmedCategory is not { } c ? "pending" : c == r.Category ? "confirmed" : "corrected";

    /// <summary>
    /// What the bot did with the mail, from the stored record (the routes of docs/spec/triage.md), by the category a
    /// person confirmed when there is one: dpoAlerted, draftRequest, heldForPerson, complaintForwarded, answerSuggested,
    /// forIaOfficer, filed, or failed (a person must look).
    /// </summary>
    public static string Action(TriageRecord r)
    {
        if (r.State == TriageRecordState.Failed) return "failed";
        return (r.ConfirmedCategory ?? r.Category) switch
        {
            TriageCategory.Breach => "dpoAlerted",
            TriageCategory.ToolRequest => r.DraftReference is not null ? "draftRequest" : r.NoReply ? "filed" : "heldForPerson",
            TriageCategory.Complaint => "complaintForwarded",
            TriageCategory.Question => r.SuggestedAnswer is not null ? "answerSuggested" : "forIaOfficer",
            TriageCategory.Concern or TriageCategory.NeedsHuman => "forIaOfficer",
            _ => "filed",
        };
    }
}
