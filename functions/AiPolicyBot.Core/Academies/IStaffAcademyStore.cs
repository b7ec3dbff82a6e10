namespace AiPolicyBot.Academies;

/// <summary>
/// The academy a member of staff works at, remembered so answers about approvals limited to some academies need not
/// ask again. Minimum data: the person's directory id and an academy id, nothing else; naming another academy
/// replaces it (docs/conversation.md).
/// </summary>
public interface IStaffAcademyStore
{
    Task<string?> GetAsync(string userId, CancellationToken ct);

    /// <summary>Remembers <paramref name="academyId"/> for the person; the latest choice wins.</summary>
    Task SetAsync(string userId, string academyId, CancellationToken ct);
}
