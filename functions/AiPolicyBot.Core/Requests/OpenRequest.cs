namespace AiPolicyBot.Requests;

/// <summary>
/// An open request as a list of them shows it: enough to tell who may act on it (<c>ApprovalAuthorizer.MayDecide</c>)
/// and to name it, without its intake, outcome or history.
/// </summary>
public sealed record OpenRequest(
    string Reference,
    string RequesterId,
    string RequesterName,
    string AcademyId,
    string ToolName,
    RequestState State,
    IReadOnlyList<string> PendingRoles,
    DateTimeOffset SubmittedAt)
{
    public static OpenRequest Of(ToolRequest r) =>
        new(r.Reference, r.RequesterId, r.RequesterName, r.Intake.AcademyId, r.Intake.ToolName, r.State, r.PendingRoles, r.SubmittedAt);
}
