using AiPolicyBot.Common;

namespace AiPolicyBot.Testing.Stores;

/// <summary>In-memory administrator alerts; an alert raised again under its id is kept once, as the table keeps it.</summary>
public sealed class MemoryAdminAlerts : IAdminAlerts
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
