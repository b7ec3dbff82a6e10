namespace AiPolicyBot.Academies;

/// <summary>One academy: its display name (the leader/approver map lives with the approvals part).</summary>
public sealed class AcademyInfo
{
    public string Name { get; set; } = "";
    /// <summary>Entra object id or UPN of the academy leader who approves academy-tier requests (optional here).</summary>
    public string? Leader { get; set; }
}
