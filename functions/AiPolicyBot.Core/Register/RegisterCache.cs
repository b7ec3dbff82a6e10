using AiPolicyBot.Common;

namespace AiPolicyBot.Register;

/// <summary>
/// Serves the current <see cref="RegisterSnapshot"/> with no storage round trip on the hot path. Loads the register
/// once, rebuilds the snapshot on <see cref="RefreshAsync"/> or
/// <see cref="Invalidate"/> (call after any register change), and refreshes periodically to pick up changes made by
/// other instances.
/// </summary>
public sealed class RegisterCache : IDisposable
{
    private readonly IRegisterStore _store;
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private readonly ITimer? _timer;
    private volatile RegisterSnapshot? _current;
    private readonly IReadOnlyList<RegisterEntry> _seedWhenEmpty;
    private int _generation;

    /// <param name="seedWhenEmpty">Entries written when the store is empty: the demo register in Development and
    /// tests; nothing anywhere else, so a new deployment starts empty and says so (docs/policy-and-register.md).</param>
    public RegisterCache(IRegisterStore store, TimeProvider time, TimeSpan? refreshInterval = null,
        IReadOnlyList<RegisterEntry>? seedWhenEmpty = null)
    {
        _store = store;
        _seedWhenEmpty = seedWhenEmpty ?? [];
        var interval = refreshInterval ?? TimeSpan.FromMinutes(5);
        if (interval > TimeSpan.Zero)
            _timer = time.CreateTimer(_ => _ = RefreshQuietlyAsync(), null, interval, interval);
    }

    /// <summary>The loaded snapshot, or null before the first load.</summary>
    public RegisterSnapshot? Current => _current;

    /// <summary>The current snapshot; the first call loads it (the only call that touches storage).</summary>
    public ValueTask<RegisterSnapshot> GetAsync(CancellationToken ct = default) =>
        _current is { } s ? ValueTask.FromResult(s) : new ValueTask<RegisterSnapshot>(LoadFirstAsync(ct));

    /// <summary>Reloads from the store now and returns the new snapshot.</summary>
    public async Task<RegisterSnapshot> RefreshAsync(CancellationToken ct = default)
    {
        await _loadLock.WaitAsync(ct);
        try
        {
            return await LoadAsync(ct);
        }
        finally
        {
            _loadLock.Release();
        }
    }

    /// <summary>The register changed: rebuild in the background; callers keep the old snapshot until it is ready.</summary>
    public void Invalidate() => _ = RefreshQuietlyAsync();

    private async Task<RegisterSnapshot> LoadFirstAsync(CancellationToken ct)
    {
        await _loadLock.WaitAsync(ct);
        try
        {
            return _current ?? await LoadAsync(ct);
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private async Task<RegisterSnapshot> LoadAsync(CancellationToken ct)
    {
        var items = await _store.ListAsync(ct);
        if (items.Count == 0 && _seedWhenEmpty.Count > 0)
        {
            foreach (var entry in _seedWhenEmpty)
            {
                try
                {
                    await _store.AddAsync(entry, ct);
                }
                catch (ConcurrencyConflictException)
                {
                    // another instance seeded it first
                }
            }
            items = await _store.ListAsync(ct);
        }
        var version = $"{Interlocked.Increment(ref _generation)}:{string.Join(",", items.Select(i => i.Version)).GetHashCode():x8}";
        var snapshot = new RegisterSnapshot(items.Select(i => i.Value), version);
        _ = snapshot.Search; // build the search index now, not on the first user's request
        _current = snapshot;
        return snapshot;
    }

    private async Task RefreshQuietlyAsync()
    {
        // A failed background refresh keeps serving the last good snapshot; the next tick tries again.
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception)
        {
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _loadLock.Dispose();
    }
}
