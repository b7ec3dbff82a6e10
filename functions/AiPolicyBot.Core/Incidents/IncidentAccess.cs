using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;

namespace AiPolicyBot.Incidents;

/// <summary>
/// Who sees and acts on cases in Teams, from the approver directory: the DPO (and deputies) decide and close; the
/// request overseers (Information Assurance and administrators) see cases and add actions. Nobody else sees one.
/// </summary>
public static class IncidentAccess
{
    public static IncidentRoles For(ApproverDirectory directory, string userId)
    {
        var dpo = directory.HoldersOf(ApproverRoles.Dpo, "")?.Includes(userId) == true;
        var overseer = directory.RequestOverseers.Contains(userId, StringComparer.OrdinalIgnoreCase);
        return new IncidentRoles(dpo || overseer, dpo);
    }

    /// <summary>The people told when a case opens or a reminder is due: the DPO and deputies.</summary>
    public static IReadOnlyList<string> Dpos(ApproverDirectory directory) => directory.PeopleFor(ApproverRoles.Dpo, "");
}
