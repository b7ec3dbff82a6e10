using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Reports.Requests;

/// <summary>
/// /api/reports/requests: one row per request submitted in the period (docs/spec/reports.md). The tool's name and the
/// decisions (role: outcome by whom) are all it holds of what people wrote: never the purpose, questions or comments.
/// </summary>
public sealed class RequestsReport(IRequestReportSource source) : Report<ToolRequest>
{
    public override string Name => "requests";

    protected override IReadOnlyList<ReportColumn<ToolRequest>> Definition { get; } =
    [
        new("reference", r => r.Reference),
        new("submitted", r => r.SubmittedAt),
        new("tool", r => r.Intake.ToolName),
        new("academy", r => r.Intake.AcademyId),
        new("routeTier", r => WireEnum<Tier>.Name(r.Outcome.Tier)),
        new("state", r => WireEnum<RequestState>.Name(r.State)),
        new("decidedOn", r => RequestFacts.DecisionTime(r) is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null),
        new("daysToDecide", r => RequestFacts.DaysToDecide(r.SubmittedAt, RequestFacts.DecisionTime(r))),
        new("decisions", r => r.Decisions.Select(Decision).ToArray()),
    ];

    public override IAsyncEnumerable<ToolRequest> ReadAsync(ReportPeriod period, CancellationToken ct) => source.ReadAsync(period, ct);

    /// <summary>"CIO: approved by Sam Patel" (the signed decision, without its comment).</summary>
    public static string Decision(ApprovalDecision d) => $"{d.Role}: {Outcome(d.Kind)} by {d.ApproverName}";

    private static string Outcome(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "approved",
        DecisionKind.ApproveWithConditions => "approved with conditions",
        DecisionKind.Reject => "rejected",
        _ => "asked for information",
    };
}
