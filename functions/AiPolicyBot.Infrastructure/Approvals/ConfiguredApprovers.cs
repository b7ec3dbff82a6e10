using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using Microsoft.Extensions.Configuration;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>
/// Reads the approver directory from configuration: <c>Approvers:{Role}</c> (Entra object id) with
/// <c>Approvers:{Role}:Deputies</c> (a list), and <c>Academies:{id}:Leader</c> with <c>Academies:{id}:Deputies</c>.
/// A JSON file cannot give a key both a value and children, so there <c>Approvers:{Role}:Id</c> may stand for the id.
/// <c>Approvers:InformationAssurance</c> and <c>Approvers:Administrators</c> (lists) may see every request.
/// </summary>
public static class ConfiguredApprovers
{
    public static ApproverDirectory Read(IConfiguration configuration, bool localDemoSelfApproval)
    {
        var trust = new Dictionary<string, RoleHolders>(StringComparer.Ordinal);
        foreach (var role in ApproverDirectory.RequiredTrustRoles)
        {
            var section = configuration.GetSection("Approvers").GetSection(role);
            if ((section.Value ?? section["Id"]) is { Length: > 0 } primary) trust[role] = new RoleHolders(primary.Trim(), Deputies(section));
        }
        var academies = new Dictionary<string, RoleHolders>(StringComparer.OrdinalIgnoreCase);
        foreach (var academy in configuration.GetSection("Academies").GetChildren())
        {
            var leader = academy["Leader"];
            if (leader is { Length: > 0 } || academy.GetSection(DeputiesKey).Exists())
                academies[academy.Key] = new RoleHolders(leader?.Trim() ?? "", Deputies(academy));
        }
        return new ApproverDirectory(trust, academies, localDemoSelfApproval)
        {
            RequestOverseers = [.. Ids(configuration.GetSection("Approvers:InformationAssurance")).Concat(Ids(configuration.GetSection("Approvers:Administrators")))],
        };
    }

    /// <summary>Table overrides replace the configured holders of the same role (or academy).</summary>
    public static ApproverDirectory WithOverrides(ApproverDirectory configured, IEnumerable<ApproverOverride> overrides)
    {
        var trust = new Dictionary<string, RoleHolders>(configured.TrustRoles, StringComparer.Ordinal);
        var academies = new Dictionary<string, RoleHolders>(configured.AcademyLeaders, StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides)
        {
            var holders = new RoleHolders(o.Primary, o.Deputies);
            if (o.Role == ApproverRoles.AcademyLeader && o.AcademyId is { } academy) academies[academy] = holders;
            else trust[o.Role] = holders;
        }
        return configured with { TrustRoles = trust, AcademyLeaders = academies };
    }

    // Documented as Approvers:{Role}:Deputies and Academies:{id}:Deputies (docs/configuration.md).
    private const string DeputiesKey = "Deputies";

    private static List<string> Deputies(IConfigurationSection section) => Ids(section.GetSection(DeputiesKey));

    private static List<string> Ids(IConfigurationSection list) =>
        [.. list.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0)];
}
