using AiPolicyBot.Common;

namespace AiPolicyBot.Register;

/// <summary>Durable register storage (Table Storage in Azure). The hot path reads a cached snapshot instead.</summary>
public interface IRegisterStore
{
    Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct);

    Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct);

    /// <summary>Adds a new entry; <see cref="ConcurrencyConflictException"/> if the id exists.</summary>
    Task<Versioned<RegisterEntry>> AddAsync(RegisterEntry entry, CancellationToken ct);

    /// <summary>Replaces an entry if it still has <paramref name="version"/>; otherwise <see cref="ConcurrencyConflictException"/>.</summary>
    Task<Versioned<RegisterEntry>> UpdateAsync(RegisterEntry entry, string version, CancellationToken ct);
}
