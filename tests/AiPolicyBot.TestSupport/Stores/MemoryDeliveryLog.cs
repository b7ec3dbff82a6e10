using AiPolicyBot.Approvals;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory card deliveries, one row per (request, person).</summary>
public sealed class MemoryDeliveryLog : IDeliveryLog
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
