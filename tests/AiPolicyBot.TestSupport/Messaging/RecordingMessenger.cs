using AiPolicyBot.Approvals;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Testing.Messaging;

/// <summary>Records every proactive message; every user is reachable; activity ids count up.</summary>
public sealed class RecordingMessenger : IApprovalMessenger
{
    private int _next;
    public List<(string UserId, AdaptiveCard Card, PostedCard Posted)> CardsSent { get; } = [];
    public List<(string ConversationId, AdaptiveCard Card)> ChannelCards { get; } = [];
    public List<(ApprovalCardCopy Copy, AdaptiveCard Card)> Updates { get; } = [];
    public List<(string UserId, string Text)> Texts { get; } = [];

    /// <summary>People Teams cannot reach at all (app not installable for them).</summary>
    public HashSet<string> Unreachable { get; } = [];

    /// <summary>People Teams cannot reach just now: each send to them fails this many more times, then works.</summary>
    public Dictionary<string, int> FailNext { get; } = [];

    public Task<PostedCard?> SendCardToUserAsync(string userId, AdaptiveCard card, CancellationToken ct)
    {
        if (Unreachable.Contains(userId)) return Task.FromResult<PostedCard?>(null);
        if (FailNext.TryGetValue(userId, out var left) && left > 0)
        {
            FailNext[userId] = left - 1;
            throw new DeliveryDeferredException("throttled (test)");
        }
        var posted = new PostedCard("a:chat-" + userId, "act-" + Interlocked.Increment(ref _next), "http://127.0.0.1:28010/");
        lock (CardsSent) CardsSent.Add((userId, card, posted));
        return Task.FromResult<PostedCard?>(posted);
    }

    public Task<PostedCard?> SendCardToConversationAsync(string conversationId, AdaptiveCard card, CancellationToken ct)
    {
        lock (ChannelCards) ChannelCards.Add((conversationId, card));
        return Task.FromResult<PostedCard?>(new PostedCard(conversationId, "act-" + Interlocked.Increment(ref _next), "http://127.0.0.1:28010/"));
    }

    public Task UpdateCardAsync(ApprovalCardCopy copy, AdaptiveCard card, CancellationToken ct)
    {
        lock (Updates) Updates.Add((copy, card));
        return Task.CompletedTask;
    }

    public Task<bool> SendTextToUserAsync(string userId, string markdown, CancellationToken ct)
    {
        if (Unreachable.Contains(userId)) return Task.FromResult(false);
        lock (Texts) Texts.Add((userId, markdown));
        return Task.FromResult(true);
    }
}
