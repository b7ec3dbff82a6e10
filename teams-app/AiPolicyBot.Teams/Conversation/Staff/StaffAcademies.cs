using System.Collections.Concurrent;
using AiPolicyBot.Academies;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// Which academy an answer is for: the one the message names, else the one the person named before. Naming an
/// academy ("I'm at Riverside", "can Oakfield staff use …") remembers it, and naming another changes it; "the trust"
/// or "trust-wide" is a question about scope, not where the person works, so it is not remembered. One storage read
/// per person, then memory.
/// </summary>
public sealed class StaffAcademies(IStaffAcademyStore store)
{
    private readonly ConcurrentDictionary<string, string?> _known = new(StringComparer.Ordinal);

    public async Task<string?> ForAsync(string userId, string? named, CancellationToken ct)
    {
        if (named is { } academy && academy != AcademyOptions.TrustId)
        {
            if (!_known.TryGetValue(userId, out var before) || before != academy)
            {
                await store.SetAsync(userId, academy, ct);
                _known[userId] = academy;
            }
            return academy;
        }
        if (named is not null) return named;
        if (_known.TryGetValue(userId, out var remembered)) return remembered;
        remembered = await store.GetAsync(userId, ct);
        _known[userId] = remembered;
        return remembered;
    }
}
