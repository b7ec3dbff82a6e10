using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// Caches an issuer's OpenID metadata → jwks_uri → JWKS (docs/teams-channel.md):
/// refreshed automatically every 12 h, and on demand (unknown kid) at most once every 5 min, so a flood of tokens with
/// made-up key ids cannot hammer the metadata endpoint. Keys and endorsements come from one JWKS read, so they always
/// agree. One instance per metadata URL, singleton for the process; concurrent callers share one fetch.
/// When a fetch fails, the next one waits (30 s, doubling to 15 min): meanwhile requests get the keys already held
/// (they rotate slowly), or at once an error when there are none yet, instead of each waiting on a dead endpoint.
/// </summary>
public sealed class OpenIdKeySource(
    string metadataUrl, HttpClient http, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeySet? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private long _nextAttemptTicks; // UTC ticks before which no fetch is tried after a failure (0: no failure)
    private int _failures;

    public string MetadataUrl => metadataUrl;

    /// <summary>The cached keys, fetched first if missing or older than 12 h.</summary>
    public ValueTask<SigningKeySet> GetAsync(CancellationToken ct)
    {
        // The answer on every request but the first in 12 h: no async state machine, no Task allocation.
        var snapshot = _current;
        return snapshot is not null && (!IsDue(snapshot) || WaitingAfterFailure())
            ? ValueTask.FromResult(snapshot)
            : new ValueTask<SigningKeySet>(LoadAsync(ct));
    }

    private bool IsDue(SigningKeySet keys) => clock.GetUtcNow() - keys.FetchedAt >= AutomaticRefreshInterval;

    private bool WaitingAfterFailure() => clock.GetUtcNow().UtcTicks < Volatile.Read(ref _nextAttemptTicks);

    private async Task<SigningKeySet> LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var snapshot = _current;
            if (snapshot is not null && (!IsDue(snapshot) || WaitingAfterFailure()))
            {
                return snapshot;
            }

            if (WaitingAfterFailure())
            {
                throw new KeysUnavailableException(metadataUrl);
            }

            try
            {
                var fresh = _current = await FetchAsync(ct);
                _failures = 0;
                Volatile.Write(ref _nextAttemptTicks, 0);
                return fresh;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = RetryDelay(++_failures);
                Volatile.Write(ref _nextAttemptTicks, (clock.GetUtcNow() + delay).UtcTicks);
                if (snapshot is null)
                {
                    logger.LogError(e, "OpenID keys could not be loaded from {MetadataUrl}; next try in {Delay}", metadataUrl, delay);
                    throw;
                }

                // Keep serving the old keys while the metadata endpoint is down; keys rotate slowly.
                logger.LogWarning(e, "OpenID key refresh failed for {MetadataUrl}; using keys from {FetchedAt}, next try in {Delay}",
                    metadataUrl, snapshot.FetchedAt, delay);
                return snapshot;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Re-reads the keys because a token named a key id that <paramref name="seen"/> does not have. Returns the fresh
    /// set; the set another caller has loaded since <paramref name="seen"/> (a key rollover reaches many requests at
    /// once, and only the first may fetch); or null when the last forced refresh was less than 5 minutes ago (then the
    /// caller rejects the token).
    /// </summary>
    public async Task<SigningKeySet?> TryForceRefreshAsync(SigningKeySet seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } current && !ReferenceEquals(current, seen))
            {
                return current;
            }

            var now = clock.GetUtcNow();
            if (now - _lastForcedRefresh < MinimumForcedRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
            try
            {
                return _current = await FetchAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Forced OpenID key refresh failed for {MetadataUrl}", metadataUrl);
                return null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>30 s after the first failure, doubling with each further one, at most 15 min.</summary>
    private static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures - 1, 10)));

    private async Task<SigningKeySet> FetchAsync(CancellationToken ct)
    {
        var metadataUri = new Uri(metadataUrl);
        using var metadata = JsonDocument.Parse(await GetStringAsync(metadataUri, ct));
        var jwksUri = new Uri(metadata.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new InvalidOperationException("OpenID metadata has no jwks_uri"));
        var jwksJson = await GetStringAsync(jwksUri, ct);

        var keys = new JsonWebKeySet(jwksJson).GetSigningKeys().ToList();
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var jwks = JsonDocument.Parse(jwksJson);
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id
                && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements[id] = list.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }

        logger.LogInformation("Loaded {KeyCount} signing keys from {MetadataUrl}", keys.Count, metadataUrl);
        return new SigningKeySet(keys, endorsements, clock.GetUtcNow());
    }

    private async Task<string> GetStringAsync(Uri uri, CancellationToken ct)
    {
        // Keys over plain http could be swapped by anyone on the path; only loopback (tests) may skip TLS.
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new InvalidOperationException($"Refusing non-https key document {uri}");
        }

        using var response = await http.GetAsync(uri, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }
}

/// <summary>No keys are held and the metadata endpoint failed recently: the token cannot be judged (HTTP 503).</summary>
public sealed class KeysUnavailableException(string metadataUrl)
    : Exception($"No signing keys from {metadataUrl} yet; the last fetch failed and the next is not due.");
