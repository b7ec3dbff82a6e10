using AiPolicyBot.Policy;

namespace AiPolicyBot.Approvals;

/// <summary>The person who holds a role and their deputies, all by Entra object id.</summary>
public sealed record RoleHolders(string Primary, IReadOnlyList<string> Deputies)
{
    public IEnumerable<string> All => Deputies.Prepend(Primary);

    public bool Includes(string userId) => All.Contains(userId, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Who may decide for each approver role: the Trust roles (CIO, CDO, DPO, IT) and one AcademyLeader per academy.
/// Built from configuration with Table Storage overrides (<see cref="ApproverDirectorySource"/>); pure data here.
/// <see cref="RequestOverseers"/>: the Information Assurance team and administrators, who may see every request
/// (<see cref="RequestVisibility"/>) but decide none unless they also hold a role.
/// </summary>
public sealed record ApproverDirectory(
    IReadOnlyDictionary<string, RoleHolders> TrustRoles,
    IReadOnlyDictionary<string, RoleHolders> AcademyLeaders,
    bool LocalDemoSelfApproval = false)
{
    public IReadOnlyList<string> RequestOverseers { get; init; } = [];

    public static readonly IReadOnlyList<string> RequiredTrustRoles =
        [ApproverRoles.Cio, ApproverRoles.Cdo, ApproverRoles.Dpo, ApproverRoles.It];

    /// <summary>Holders of <paramref name="role"/> for a request from <paramref name="academyId"/>, or null if nobody is configured.</summary>
    public RoleHolders? HoldersOf(string role, string academyId)
    {
        if (role == ApproverRoles.AcademyLeader)
            return AcademyLeaders.TryGetValue(academyId, out var leader) ? leader : null;
        return TrustRoles.TryGetValue(role, out var holders) ? holders : null;
    }

    /// <summary>Every person (primary and deputies) who may decide <paramref name="role"/> for <paramref name="academyId"/>.</summary>
    public IReadOnlyList<string> PeopleFor(string role, string academyId) =>
        HoldersOf(role, academyId)?.All.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

    public bool Holds(string userId, string role, string academyId) =>
        HoldersOf(role, academyId)?.Includes(userId) == true;
}
