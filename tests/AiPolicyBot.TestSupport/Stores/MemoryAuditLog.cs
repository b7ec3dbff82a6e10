using AiPolicyBot.Audit;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory audit streams: sequence numbers count up per stream; the hash chain is left to the Azurite tests.</summary>
public sealed class MemoryAuditLog : IAuditLog
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
