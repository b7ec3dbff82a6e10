namespace AiPolicyBot.Academies;

/// <summary>
/// Configuration section "Academies": one child per academy id, e.g. <c>Academies:oakfield:Name=Oakfield Academy</c>.
/// The id <see cref="TrustId"/> is always valid and means the central Trust.
/// </summary>
public sealed class AcademyOptions
{
    public const string Section = "Academies";
    public const string TrustId = "trust";
    public const string TrustName = "Central Trust team";

    /// <summary>Academies by id, bound from the section's children (not settable: the ids are the keys).</summary>
    public Dictionary<string, AcademyInfo> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids an intake's academyId may take: every configured academy plus "trust".</summary>
    public IReadOnlySet<string> ValidIds()
    {
        var ids = new HashSet<string>(Items.Keys, StringComparer.Ordinal) { TrustId };
        return ids;
    }

    /// <summary>What people call an academy: its configured name, else its id (an academy since removed, say).</summary>
    public string NameOf(string academyId) =>
        academyId == TrustId ? TrustName
        : Items.TryGetValue(academyId, out var a) && !string.IsNullOrWhiteSpace(a.Name) ? a.Name
        : academyId;
}
