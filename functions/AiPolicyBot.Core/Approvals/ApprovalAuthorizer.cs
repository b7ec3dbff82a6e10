using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>What one person may do with one request. Anyone who may not decide still gets a read-only view.</summary>
public sealed record ApprovalAccess(string UserId, bool IsRequester, IReadOnlyList<string> DecidableRoles)
{
    public bool CanDecide => DecidableRoles.Count > 0;

    /// <summary>The role named when this person asks a question: the first pending role they hold.</summary>
    public string? RoleToDecide => DecidableRoles.Count > 0 ? DecidableRoles[0] : null;
}

/// <summary>
/// Server-side authorization of approval clicks (docs/approvals.md): card data and refresh.userIds are
/// client-side and spoofable, so only this decides. Pure: the request, the directory and the clicking user's
/// Entra object id (activity.from.aadObjectId) in, the roles they may decide out.
/// </summary>
public static class ApprovalAuthorizer
{
    public static ApprovalAccess Authorize(ToolRequest request, ApproverDirectory directory, string? userId) =>
        Authorize(request.RequesterId, request.State, request.PendingRoles, request.Intake.AcademyId, directory, userId);

    /// <summary>Whether this person may decide any pending role of a listed open request (the same rule as for the whole request).</summary>
    public static bool MayDecide(OpenRequest request, ApproverDirectory directory, string? userId) =>
        Authorize(request.RequesterId, request.State, request.PendingRoles, request.AcademyId, directory, userId).CanDecide;

    private static ApprovalAccess Authorize(string requesterId, RequestState state, IReadOnlyList<string> pendingRoles, string academyId,
        ApproverDirectory directory, string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId)) return new ApprovalAccess("", false, []);
        var isRequester = string.Equals(requesterId, userId, StringComparison.OrdinalIgnoreCase);
        // Separation of duties: nobody decides their own request. The only exception is the Development-only local
        // demo switch, which the host refuses to start with outside Development (ApprovalOptions check).
        if (state != RequestState.Pending || (isRequester && !directory.LocalDemoSelfApproval))
            return new ApprovalAccess(userId, isRequester, []);
        var roles = pendingRoles
            .Where(role => directory.Holds(userId, role, academyId))
            .ToList();
        return new ApprovalAccess(userId, isRequester, roles);
    }

    /// <summary>Everyone who may still act on the request: the holders (and deputies) of every pending role, minus the requester.</summary>
    public static IReadOnlyList<string> PendingApproverIds(ToolRequest request, ApproverDirectory directory)
    {
        if (request.State != RequestState.Pending) return [];
        return request.PendingRoles
            .SelectMany(role => directory.PeopleFor(role, request.Intake.AcademyId))
            .Where(id => directory.LocalDemoSelfApproval || !string.Equals(id, request.RequesterId, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
