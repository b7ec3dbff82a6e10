using AiPolicyBot.Common;

namespace AiPolicyBot.Register;

/// <summary>One write of an import: add when <see cref="Version"/> is null, else replace if still at that version.</summary>
public sealed record RegisterWrite(RegisterEntry Entry, string? Version);

/// <summary>
/// A register store that can write many entries as one unit (an import is all or nothing: docs/register-admin.md).
/// A stale version or an existing id fails the whole batch with <see cref="ConcurrencyConflictException"/>.
/// </summary>
public interface IRegisterBatchStore : IRegisterStore
{
    /// <summary>Applies every write or none; returns the new versions in the order given.</summary>
    Task<IReadOnlyList<Versioned<RegisterEntry>>> WriteAllAsync(IReadOnlyList<RegisterWrite> writes, CancellationToken ct);
}
