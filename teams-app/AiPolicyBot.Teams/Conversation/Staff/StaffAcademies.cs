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

/// <summary>Kept in memory only, until the storage part registers the durable store.</summary>
public sealed class InMemoryStaffAcademyStore : IStaffAcademyStore
{
    private readonly ConcurrentDictionary<string, string> _academies = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string userId, CancellationToken ct) =>
        Task.FromResult(_academies.TryGetValue(userId, out var a) ? a : null);

    public Task SetAsync(string userId, string academyId, CancellationToken ct)
    {
        _academies[userId] = academyId;
        return Task.CompletedTask;
    }
}
