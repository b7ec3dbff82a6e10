namespace AiPolicyBot.Academies;

/// <summary>
/// Configuration section "Academies": one child per academy id, e.g. <c>Academies:oakfield:Name=Oakfield Academy</c>.
/// The id <see cref="TrustId"/> is always valid and means the central Trust.
/// </summary>
public sealed class AcademyOptions
{
    public const string Section = "Academies";
    public const string TrustId = "trust";

    public Dictionary<string, AcademyInfo> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The ids an intake's academyId may take: every configured academy plus "trust".</summary>
    public IReadOnlySet<string> ValidIds()
    {
        var ids = new HashSet<string>(Items.Keys, StringComparer.Ordinal) { TrustId };
        return ids;
    }
}

/// <summary>One academy: its display name (the leader/approver map lives with the approvals part).</summary>
public sealed class AcademyInfo
{
    public string Name { get; set; } = "";
    /// <summary>Entra object id or UPN of the academy leader who approves academy-tier requests (optional here).</summary>
    public string? Leader { get; set; }
}
