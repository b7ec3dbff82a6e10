using System.Collections.Concurrent;
using AiPolicyBot.Conversations;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// Teams user ids (MRIs) from the stored 1:1 conversation references (the user id the bot saw in their chat),
/// cached in memory: an approver's MRI does not change for this bot.
/// </summary>
public sealed class StoredTeamsUserIds(IConversationReferenceStore references) : ITeamsUserIds
{
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<string>> MrisForAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var mris = new List<string>();
        foreach (var id in userIds)
        {
            if (!_known.TryGetValue(id, out var mri) && (await references.FindPersonalAsync(id, ct))?.UserId is { Length: > 0 } found)
                mri = _known[id] = found;
            if (mri is not null) mris.Add(mri);
        }
        return mris;
    }
}
