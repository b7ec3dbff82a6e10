using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// The <see cref="TokenValidationParameters"/> for one key source (docs/teams-channel.md rules: issuers,
/// audience, lifetime with 5 min skew, RS256/384/512, signature by a key from the set), built once per
/// <see cref="SigningKeySet"/> instead of once per request. Only the parameters are cached, never a result: every
/// token is still checked in full. A refreshed key set is a new object and so gets new parameters; only the latest
/// entry is kept, so the cache cannot grow. Lock-free: a reader sees either the old or the new entry, both consistent,
/// and two racing builds for the same keys just build the same thing twice.
/// </summary>
public sealed class ValidationParametersCache(IReadOnlyList<string> validIssuers, string? audience,
    IReadOnlyList<string>? moreAudiences = null)
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private Entry? _latest;

    /// <summary>Whether these parameters accept tokens from <paramref name="issuer"/> at all (the path is picked by issuer).</summary>
    public bool AcceptsIssuer(string? issuer) => issuer is not null && validIssuers.Contains(issuer, StringComparer.Ordinal);

    /// <summary>The parameters for exactly this key set (by reference): cached, or built and cached now.</summary>
    public TokenValidationParameters For(SigningKeySet keys)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && ReferenceEquals(latest.Keys, keys))
        {
            return latest.Parameters;
        }

        var parameters = Build(keys);
        Volatile.Write(ref _latest, new Entry(keys, parameters));
        return parameters;
    }

    // Shared by concurrent validations: nothing here may be changed after it is built (the handler only reads it).
    private TokenValidationParameters Build(SigningKeySet keys) => new()
    {
        ValidIssuers = validIssuers,
        ValidateIssuer = true,
        ValidAudience = audience,
        // The register tab's tokens name our API by client id (v2) or Application ID URI (v1).
        ValidAudiences = moreAudiences,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        IssuerSigningKeys = keys.Keys,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
    };

    private sealed record Entry(SigningKeySet Keys, TokenValidationParameters Parameters);
}
