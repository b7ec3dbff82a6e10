using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// Channel tokens that passed the full signature, issuer, audience and lifetime checks, so the same token on the next
/// activity (the connector reuses one for up to an hour) skips the RSA check (docs/security.md, "Validated-token
/// cache"). The key is the SHA-256 of the whole token string, so only that exact token, byte for byte, can hit. An
/// entry ends at the token's own expiry (without the 5 min clock skew validation allows), and is ignored once the key
/// set it was validated against has been replaced. Only successes are stored; the per-activity checks (endorsement of
/// the activity's channel, serviceurl claim) run on every hit from what the entry keeps. At most
/// <see cref="Capacity"/> entries: when full, expired ones are dropped, and if none has expired the new token is simply
/// not cached.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock)
{
    public const int Capacity = 4096;

    // Tokens this long are hashed from a pooled buffer; the handler's own limit (250 KB) is checked before we get here.
    private const int StackBytes = 4096;

    private readonly ConcurrentDictionary<TokenHash, Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>
    /// The entry for exactly this token if it has not expired. The caller must still check that
    /// <see cref="Entry.Keys"/> is the key set in use now, and run the per-activity checks.
    /// </summary>
    public bool TryGet(string token, out Entry entry)
    {
        if (_entries.TryGetValue(Hash(token), out entry!) && clock.GetUtcNow() < entry.Expires)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>Remembers a token that has just passed every token-level check (never call it for a failure).</summary>
    public void Add(string token, Entry entry)
    {
        var now = clock.GetUtcNow();
        if (entry.Expires <= now)
        {
            return;
        }

        if (_entries.Count >= Capacity)
        {
            foreach (var (key, old) in _entries)
            {
                if (old.Expires <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                return;
            }
        }

        _entries[Hash(token)] = entry;
    }

    private static TokenHash Hash(string token)
    {
        var max = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = null;
        var buffer = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(token, buffer);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], digest);
            return MemoryMarshal.Read<TokenHash>(digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>What a hit needs: the key set it was checked against, its expiry, and the claims checked per activity.</summary>
    public sealed record Entry(SigningKeySet Keys, DateTimeOffset Expires, string Kid, string? ServiceUrl);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D);
}
