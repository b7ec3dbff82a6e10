using AiPolicyBot.Teams.Approvals;

namespace AiPolicyBot.Testing.Messaging;

/// <summary>MRI = "29:" + object id, as a stand-in for the conversation-reference lookup.</summary>
public sealed class PrefixTeamsIds : ITeamsUserIds
{
    public Task<IReadOnlyList<string>> MrisForAsync(IEnumerable<string> userIds, CancellationToken ct) =>
        Task.FromResult(KnownMris(userIds));

    public IReadOnlyList<string> KnownMris(IEnumerable<string> userIds) => [.. userIds.Select(id => "29:" + id)];
}
