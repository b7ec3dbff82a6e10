using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Reports.Requests;

/// <summary>
/// The few facts of a request that counts and charts need (docs/spec/reports.md): no names, no free text. Storage
/// keeps them as narrow columns beside the request, so the dashboard reads them without the request's JSON.
/// </summary>
public sealed record RequestFacts(
    string Reference,
    DateTimeOffset SubmittedAt,
    string ToolName,
    string AcademyId,
    Tier Tier,
    RequestState State,
    DateTimeOffset? DecidedAt)
{
    public static RequestFacts From(ToolRequest r) =>
        new(r.Reference, r.SubmittedAt, r.Intake.ToolName, r.Intake.AcademyId, r.Outcome.Tier, r.State, DecisionTime(r));

    /// <summary>
    /// When a person's decision settled the request: the last decision of an approved or rejected request. Requests
    /// the policy closed by itself, withdrawn, expired or still open have none.
    /// </summary>
    public static DateTimeOffset? DecisionTime(ToolRequest r) =>
        r.State is RequestState.Approved or RequestState.Rejected && r.Decisions.Count > 0
            ? r.Decisions.Max(d => d.DecidedAt)
            : null;

    /// <summary>Days from submission to decision, to one decimal place; null without a decision.</summary>
    public static double? DaysToDecide(DateTimeOffset submittedAt, DateTimeOffset? decidedAt) =>
        decidedAt is { } d ? Math.Round(Math.Max(0, (d - submittedAt).TotalDays), 1) : null;
}
