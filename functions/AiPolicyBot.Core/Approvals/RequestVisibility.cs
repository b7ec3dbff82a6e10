using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// Who may see a request at all (docs/security.md): its requester, the holders and deputies of every role it was
/// routed to, anyone who has decided on it, the Data Protection Officer's people (Information Assurance) and the
/// configured Information Assurance and administrator ids. References are sequential, so everyone else is told
/// nothing, not even whether the reference exists. Pure: the request, the directory and the caller's object id in.
/// </summary>
public static class RequestVisibility
{
    public static bool MaySee(ToolRequest request, ApproverDirectory directory, string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId)) return false;
        if (SeesEveryRequest(directory, userId)) return true;
        if (string.Equals(request.RequesterId, userId, StringComparison.OrdinalIgnoreCase)) return true;
        if (request.Outcome.ApproverRoles.Any(role => directory.Holds(userId, role, request.Intake.AcademyId))) return true;
        return request.Decisions.Any(d => string.Equals(d.ApproverId, userId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Information Assurance (the DPO role and its deputies, plus the configured list) and administrators.</summary>
    public static bool SeesEveryRequest(ApproverDirectory directory, string? userId) =>
        !string.IsNullOrWhiteSpace(userId)
        && (directory.RequestOverseers.Contains(userId, StringComparer.OrdinalIgnoreCase)
            || directory.TrustRoles.TryGetValue(ApproverRoles.Dpo, out var dpo) && dpo.Includes(userId));
}
