using AiPolicyBot.Policy;

namespace AiPolicyBot.Approvals;

/// <summary>
/// Start-up check of the approver directory: every Trust role has a holder and every id is an Entra object id
/// (a GUID). Returns the problems in plain English, naming the configuration key to fix.
/// </summary>
public static class ApproverDirectoryCheck
{
    public static IReadOnlyList<string> Problems(ApproverDirectory directory)
    {
        var problems = new List<string>();
        foreach (var role in ApproverDirectory.RequiredTrustRoles)
        {
            if (!directory.TrustRoles.TryGetValue(role, out var holders) || string.IsNullOrWhiteSpace(holders.Primary))
            {
                problems.Add($"Approvers:{role} is missing: set it to the Entra object id of the {role}.");
                continue;
            }
            CheckIds(holders, $"Approvers:{role}", problems);
        }
        foreach (var (academy, leader) in directory.AcademyLeaders)
        {
            if (!IsAcademyId(academy)) problems.Add($"Academies:{academy} is not a valid academy id (letters, digits, '_', '-').");
            if (string.IsNullOrWhiteSpace(leader.Primary)) problems.Add($"Academies:{academy}:Leader is missing.");
            else CheckIds(leader, $"Academies:{academy}:Leader", problems);
        }
        return problems;
    }

    public static bool IsObjectId(string? id) => Guid.TryParseExact(id, "D", out _);

    public static bool IsAcademyId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static void CheckIds(RoleHolders holders, string key, List<string> problems)
    {
        if (!IsObjectId(holders.Primary))
            problems.Add($"{key} is not an Entra object id (expected a GUID like 00000000-0000-0000-0000-000000000000).");
        for (var i = 0; i < holders.Deputies.Count; i++)
            if (!IsObjectId(holders.Deputies[i]))
                problems.Add($"{key.Replace(":Leader", "")}:Deputies:{i} is not an Entra object id (expected a GUID).");
    }

    /// <summary>The roles a routing outcome needs, with the key to configure when nobody holds one.</summary>
    public static string? MissingHolder(ApproverDirectory directory, string role, string academyId) =>
        directory.HoldersOf(role, academyId) is null
            ? role == ApproverRoles.AcademyLeader ? $"Academies:{academyId}:Leader" : $"Approvers:{role}"
            : null;
}
