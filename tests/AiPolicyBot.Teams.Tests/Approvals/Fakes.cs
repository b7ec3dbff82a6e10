using System.Collections.Concurrent;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Conversations;
using AiPolicyBot.Mail;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>In-memory request store with real version checks (a counter stands in for the ETag).</summary>
internal sealed class MemoryRequestStore : IRequestStore
{
    private readonly ConcurrentDictionary<string, Versioned<ToolRequest>> _items = new();
    private long _version;

    public ToolRequest this[string reference] => _items[reference].Value;

    public Task<Versioned<ToolRequest>?> GetAsync(string reference, CancellationToken ct) =>
        Task.FromResult(_items.TryGetValue(reference, out var v) ? v : null);

    public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, CancellationToken ct)
    {
        var v = new Versioned<ToolRequest>(request, Interlocked.Increment(ref _version).ToString());
        if (!_items.TryAdd(request.Reference, v)) throw new ConcurrencyConflictException("exists");
        return Task.FromResult(v);
    }

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, CancellationToken ct)
    {
        var current = _items[request.Reference];
        var next = new Versioned<ToolRequest>(request, Interlocked.Increment(ref _version).ToString());
        if (current.Version != version || !_items.TryUpdate(request.Reference, next, current)) throw new ConcurrencyConflictException("stale");
        return Task.FromResult(next);
    }

    // In memory a change cannot be half written: the event is handed on by the publisher, as in the workflow.
    public Task<Versioned<ToolRequest>> CreateAsync(ToolRequest request, RequestEvent followUp, CancellationToken ct) => CreateAsync(request, ct);

    public Task<Versioned<ToolRequest>> UpdateAsync(ToolRequest request, string version, RequestEvent followUp, CancellationToken ct) =>
        UpdateAsync(request, version, ct);

    public Task<IReadOnlyList<Versioned<ToolRequest>>> ListByRequesterAsync(string requesterId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<ToolRequest>>>([.. _items.Values.Where(v => v.Value.RequesterId == requesterId)]);

    public Task<IReadOnlyList<Versioned<ToolRequest>>> ListOpenAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<ToolRequest>>>([.. _items.Values.Where(v => v.Value.State.IsOpen()).OrderBy(v => v.Value.SubmittedAt)]);

    public async Task<IReadOnlyList<OpenRequest>> ListOpenSummariesAsync(CancellationToken ct) =>
        [.. (await ListOpenAsync(ct)).Select(v => OpenRequest.Of(v.Value))];

    public Task<string> NextReferenceAsync(int year, CancellationToken ct) => throw new NotSupportedException();
}

/// <summary>In-memory decision log: one row per (role, approver), outbox jobs by id.</summary>
internal sealed class MemoryDecisionLog : IDecisionLog, IOutbox
{
    private readonly object _gate = new();
    public List<(string Reference, ApprovalDecision Decision)> Rows { get; } = [];

    private static (string, string, DecisionKind?, long) Key(ApprovalDecision d) =>
        d.Kind is DecisionKind.Approve or DecisionKind.ApproveWithConditions or DecisionKind.Reject
            ? (d.Role, d.ApproverId, null, 0)
            : (d.Role, d.ApproverId, d.Kind, d.DecidedAt.UtcTicks);
    public Dictionary<string, OutboxJob> Outbox { get; } = [];

    public Task<bool> RecordAsync(string reference, ApprovalDecision decision, IReadOnlyList<OutboxJob> outbox, CancellationToken ct)
    {
        lock (_gate)
        {
            // Keyed as the Decisions table keys rows: one decision per role and person; questions, answers and
            // withdrawals each at their own time.
            if (Rows.Any(r => r.Reference == reference && Key(r.Decision) == Key(decision))) return Task.FromResult(false);
            Rows.Add((reference, decision));
            foreach (var job in outbox) Outbox.TryAdd(job.JobId, job);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ApprovalDecision>> ListAsync(string reference, CancellationToken ct)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<ApprovalDecision>>([.. Rows.Where(r => r.Reference == reference).Select(r => r.Decision)]);
    }

    public Task EnsureAsync(OutboxJob job, CancellationToken ct)
    {
        lock (_gate) Outbox.TryAdd(job.JobId, job);
        return Task.CompletedTask;
    }
}

internal sealed class MemoryAuditLog : IAuditLog
{
    private readonly object _gate = new();
    public List<AuditEntry> Entries { get; } = [];

    public Task<AuditEntry> AppendAsync(string stream, AuditEvent e, CancellationToken ct)
    {
        lock (_gate)
        {
            var entry = new AuditEntry(stream, Entries.Count(x => x.Stream == stream) + 1, DateTimeOffset.UtcNow, e.Kind, e.ActorId, e.Subject, e.Data, "", "");
            Entries.Add(entry);
            return Task.FromResult(entry);
        }
    }

    public Task<AuditEntry?> AppendUnlessAsync(string stream, AuditEvent e, Func<AuditEntry, bool> alreadyThere, CancellationToken ct)
    {
        lock (_gate) // the look and the append under one lock, as the table's head ETag makes them one step
        {
            if (Entries.Any(x => x.Stream == stream && alreadyThere(x))) return Task.FromResult<AuditEntry?>(null);
            return Task.FromResult<AuditEntry?>(AppendAsync(stream, e, ct).Result);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string stream, CancellationToken ct)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<AuditEntry>>([.. Entries.Where(x => x.Stream == stream)]);
    }

    public Task<AuditVerification> VerifyAsync(string stream, CancellationToken ct) => throw new NotSupportedException("Azurite tests verify the chain.");
}

internal sealed class MemoryIdempotency : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, bool> _claims = new();
    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken ct) => Task.FromResult(_claims.TryAdd(scope + "\n" + key, true));
    public Task ReleaseAsync(string scope, string key, CancellationToken ct) { _claims.TryRemove(scope + "\n" + key, out _); return Task.CompletedTask; }
}

internal sealed class MemoryCardStore : IApprovalCardStore
{
    public List<ApprovalCardCopy> Copies { get; } = [];
    public Task AddAsync(ApprovalCardCopy copy, CancellationToken ct)
    {
        lock (Copies) if (!Copies.Any(c => c.ConversationId == copy.ConversationId && c.ActivityId == copy.ActivityId)) Copies.Add(copy);
        return Task.CompletedTask;
    }
    public Task<IReadOnlyList<ApprovalCardCopy>> ListAsync(string reference, CancellationToken ct)
    {
        lock (Copies) return Task.FromResult<IReadOnlyList<ApprovalCardCopy>>([.. Copies.Where(c => c.Reference == reference)]);
    }
}

internal sealed class MemoryRegisterStore : IRegisterStore
{
    public Dictionary<string, Versioned<RegisterEntry>> Entries { get; } = [];
    private int _v;
    public Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Versioned<RegisterEntry>>>([.. Entries.Values]);
    public Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct) => Task.FromResult(Entries.TryGetValue(id, out var e) ? e : null);
    public Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct)
    {
        if (Entries.ContainsKey(entry.Id)) throw new ConcurrencyConflictException("exists");
        return Task.FromResult(Entries[entry.Id] = new(entry, (++_v).ToString()));
    }
    public Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct)
    {
        if (!Entries.TryGetValue(entry.Id, out var e) || e.Version != version) throw new ConcurrencyConflictException("stale");
        return Task.FromResult(Entries[entry.Id] = new(entry, (++_v).ToString()));
    }
}

/// <summary>Records every proactive message; every user is reachable; activity ids count up.</summary>
internal sealed class RecordingMessenger : IApprovalMessenger
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

internal sealed class MemoryReferences : IConversationReferenceStore
{
    public Dictionary<string, ConversationReference> ByConversation { get; } = [];
    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken ct) =>
        Task.FromResult(ByConversation.GetValueOrDefault(conversationId));
    public Task<ConversationReference?> FindPersonalAsync(string aad, CancellationToken ct) =>
        Task.FromResult(ByConversation.Values.FirstOrDefault(r => r.IsPersonal && r.UserAadObjectId == aad));
    public Task SaveAsync(ConversationReference reference, CancellationToken ct) { ByConversation[reference.ConversationId] = reference; return Task.CompletedTask; }
    public Task DeleteAsync(string conversationId, CancellationToken ct) { ByConversation.Remove(conversationId); return Task.CompletedTask; }
}

internal sealed class MemoryDeliveryLog : IDeliveryLog
{
    public Dictionary<(string Reference, string UserId), CardDelivery> Rows { get; } = [];

    public Task SaveAsync(CardDelivery delivery, CancellationToken ct)
    {
        lock (Rows) Rows[(delivery.Reference, delivery.UserId)] = delivery;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CardDelivery>> ListAsync(string reference, CancellationToken ct)
    {
        lock (Rows) return Task.FromResult<IReadOnlyList<CardDelivery>>([.. Rows.Values.Where(d => d.Reference == reference)]);
    }

    public Task<IReadOnlyList<CardDelivery>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        lock (Rows) return Task.FromResult<IReadOnlyList<CardDelivery>>([.. Rows.Values.Where(d => d.Status == DeliveryStatus.Retrying && d.NextAttemptAt <= now)]);
    }
}

internal sealed class MemoryAdminAlerts : IAdminAlerts
{
    public Dictionary<string, AdminAlert> Raised { get; } = [];

    public Task RaiseAsync(AdminAlert alert, CancellationToken ct)
    {
        lock (Raised) Raised.TryAdd(alert.Id, alert);
        return Task.CompletedTask;
    }

    public Task<AdminAlert?> GetAsync(string id, CancellationToken ct)
    {
        lock (Raised) return Task.FromResult(Raised.GetValueOrDefault(id));
    }
}

/// <summary>MRI = "29:" + object id, as a stand-in for the conversation-reference lookup.</summary>
internal sealed class PrefixTeamsIds : ITeamsUserIds
{
    public Task<IReadOnlyList<string>> MrisForAsync(IEnumerable<string> userIds, CancellationToken ct) =>
        Task.FromResult(KnownMris(userIds));

    public IReadOnlyList<string> KnownMris(IEnumerable<string> userIds) => [.. userIds.Select(id => "29:" + id)];
}

internal sealed class FixedDirectorySource(ApproverDirectory directory) : IApproverDirectorySource
{
    public ValueTask<ApproverDirectory> GetAsync(CancellationToken ct) => ValueTask.FromResult(directory);
}

internal sealed class CountingRegisterListener : IRegisterChangeListener
{
    public int Calls;
    public Task RegisterChangedAsync(CancellationToken ct) { Interlocked.Increment(ref Calls); return Task.CompletedTask; }
}

/// <summary>Runs the handlers at once, as the request-events queue job does later.</summary>
internal sealed class InlinePublisher(IRequestStore requests) : IRequestEventPublisher
{
    public List<IRequestEventHandler> Handlers { get; } = [];
    public List<RequestEvent> Published { get; } = [];

    public async Task PublishAsync(RequestEvent e, CancellationToken ct)
    {
        lock (Published) Published.Add(e);
        var request = (await requests.GetAsync(e.Reference, ct))!.Value;
        foreach (var h in Handlers) await h.HandleAsync(e, request, ct);
    }
}

/// <summary>A clock the test moves.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
