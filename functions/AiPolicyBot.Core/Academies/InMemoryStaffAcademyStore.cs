using System.Collections.Concurrent;

namespace AiPolicyBot.Academies;

/// <summary>Each person's academy in memory (tests and tools; the host uses the Table Storage store).</summary>
public sealed class InMemoryStaffAcademyStore : IStaffAcademyStore
{
    private readonly ConcurrentDictionary<string, string> _academies = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string userId, CancellationToken ct) =>
        Task.FromResult(_academies.TryGetValue(userId, out var a) ? a : null);

    public Task SetAsync(string userId, string academyId, CancellationToken ct)
    {
        _academies[userId] = academyId;
        return Task.CompletedTask;
    }
}
