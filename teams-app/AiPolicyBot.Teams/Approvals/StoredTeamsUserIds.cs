using System.Collections.Concurrent;
using AiPolicyBot.Conversations;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// Teams user ids (MRIs) from the stored 1:1 conversation references (the user id the bot saw in their chat),
/// cached in memory: an approver's MRI does not change for this bot. An approver with no chat yet is remembered as
/// such for <see cref="MissFor"/>, so rendering a card does not read storage for them on every click (their card
/// refreshes itself once the chat exists and the miss has expired).
/// </summary>
public sealed class StoredTeamsUserIds(IConversationReferenceStore references, TimeProvider? time = null) : ITeamsUserIds
{
    public static readonly TimeSpan MissFor = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _missing = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<string>> MrisForAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var mris = new List<string>();
        foreach (var id in userIds)
        {
            if (!_known.TryGetValue(id, out var mri) && !KnownMissing(id))
            {
                if ((await references.FindPersonalAsync(id, ct))?.UserId is { Length: > 0 } found) mri = _known[id] = found;
                else _missing[id] = _time.GetUtcNow() + MissFor;
            }
            if (mri is not null) mris.Add(mri);
        }
        return mris;
    }

    public IReadOnlyList<string> KnownMris(IEnumerable<string> userIds) =>
        [.. userIds.Select(id => _known.TryGetValue(id, out var mri) ? mri : null).OfType<string>()];

    private bool KnownMissing(string id) => _missing.TryGetValue(id, out var until) && _time.GetUtcNow() < until;
}
