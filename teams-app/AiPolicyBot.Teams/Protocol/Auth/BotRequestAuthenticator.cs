using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// Inbound authentication (docs/teams-channel.md): decides whether a request really comes from the Teams channel
/// (or, only when configured, from a caller holding our own Entra credentials, or the local Playground).
/// Checks in order: channelId allowed → Bearer header → classify by issuer without trusting the token →
/// signature (RS256/384/512, key by kid, one forced key refresh on an unknown kid), issuer, audience, lifetime (5 min
/// skew) → the key's endorsements contain the activity's channelId → the serviceurl claim equals the activity's
/// serviceUrl. Entra tokens (only when enabled): our tenant's issuer, our app id as the caller, an app-only token
/// (idtyp "app", no scp) and, when signed, a serviceurl equal to the activity's. Anything else is rejected; the reason
/// goes to the log, never to the caller. A channel token that passed every token-level check is remembered
/// (<see cref="ValidatedTokenCache"/>) until it expires or the keys change; the per-activity checks still run each time.
/// </summary>
public sealed class BotRequestAuthenticator(
    IOptions<BotOptions> options,
    LocalDevelopmentMode localMode,
    BotKeySources keySources,
    ILogger<BotRequestAuthenticator> logger,
    ValidatedTokenCache? validatedTokens = null)
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private const string BearerScheme = "Bearer";
    private static readonly AuthResult ChannelAccepted = new(AuthMode.Channel, "channel token");
    private static readonly AuthResult EntraAccepted = new(AuthMode.Entra, "Entra token");

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    // The settings are read once, here: nothing below looks at BotOptions per activity.
    private readonly string? _appId = options.Value.AppId;
    private readonly bool _entraTokens = options.Value.EnableEntraTokens;
    private readonly FrozenSet<string> _channels = options.Value.AllowedChannelIds.ToFrozenSet(StringComparer.Ordinal);
    private readonly FrozenSet<string> _messageExtensionChannels = options.Value.MessageExtensionChannelIds.ToFrozenSet(StringComparer.Ordinal);
    private readonly FrozenSet<string> _tenants = options.Value.AllowedTenantIds.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private readonly ValidatedTokenCache _validated = validatedTokens ?? new ValidatedTokenCache(TimeProvider.System);

    // Built once: the options at construction, the keys per refresh.
    private readonly ValidationParametersCache _channelParameters = new([ChannelIssuer], options.Value.AppId);
    private readonly ValidationParametersCache _entraParameters = new(EntraIssuers(options.Value), options.Value.AppId);

    public async Task<AuthResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, bool callerIsLoopback, CancellationToken ct)
    {
        var result = await EvaluateAsync(authorizationHeader, activity, callerIsLoopback, ct);
        if (result.IsAuthenticated)
        {
            // Guarded: the unguarded call boxes the mode and allocates its argument array on every request.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Request authenticated ({Mode})", result.Mode);
            }
        }
        else
        {
            logger.LogWarning("Rejected /api/messages request: {Reason}", result.Reason);
        }

        return result;
    }

    private async ValueTask<AuthResult> EvaluateAsync(string? header, Activity activity, bool callerIsLoopback, CancellationToken ct)
    {
        // The endorsement check compares with the activity's own channelId; never accept an empty or unknown one.
        if (!ChannelServed(activity))
        {
            return AuthResult.Reject($"channelId '{activity.ChannelId}' is not served");
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return LocalExceptionApplies(activity, callerIsLoopback)
                ? new AuthResult(AuthMode.LocalUnauthenticated, "local development")
                : AuthResult.Reject("no Authorization header");
        }

        if (!TryReadBearerToken(header, out var raw))
        {
            return AuthResult.Reject("Authorization is not 'Bearer <token>'");
        }

        // The handler's own size limit, checked before the one parse (its string overload did it after ours).
        if (raw.Length > _handler.MaximumTokenSizeInBytes)
        {
            return AuthResult.Reject("token is too large");
        }

        // The same channel token as on an earlier activity, already checked in full against the current keys.
        // (Only channel tokens are ever stored, so on a hit the channel keys are already loaded.)
        if (_validated.TryGet(raw, out var known))
        {
            var current = await keySources.Channel.GetAsync(ct);
            if (ReferenceEquals(known.Keys, current))
            {
                return CheckActivityClaims(current, known.Kid, known.ServiceUrl, activity);
            }
        }

        // Parsed once: read unverified only to pick the path by issuer, then validated in full as this same object.
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthResult.Reject("malformed token");
        }

        var issuer = token.Issuer;
        if (string.Equals(issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(raw, token, activity, ct);
        }

        if (_entraTokens && _entraParameters.AcceptsIssuer(issuer))
        {
            return await ValidateEntraTokenAsync(token, activity, ct);
        }

        return AuthResult.Reject($"issuer '{issuer}' is not accepted");
    }

    /// <summary>
    /// Whether an activity naming <paramref name="tenantId"/> may be handled (Bot:AllowedTenantIds; no list: every
    /// tenant). Asked after authentication: the tenant id itself is not signed, so the edge first requires the body's
    /// two tenant fields to agree (<see cref="ActivityValidator"/>).
    /// </summary>
    public bool ServesTenant(string? tenantId) => _tenants.Count == 0 || (tenantId is not null && _tenants.Contains(tenantId));

    /// <summary>An allowed channel, or for message-extension invokes also a Microsoft 365 (Outlook) channel.</summary>
    private bool ChannelServed(Activity activity) =>
        !string.IsNullOrEmpty(activity.ChannelId)
        && (_channels.Contains(activity.ChannelId)
            || (activity.IsMessageExtensionInvoke() && _messageExtensionChannels.Contains(activity.ChannelId)));

    private bool LocalExceptionApplies(Activity activity, bool callerIsLoopback) =>
        localMode.Enabled && callerIsLoopback && LocalDevelopmentMode.IsLoopbackUrl(activity.ServiceUrl);

    /// <summary>
    /// Check 1: exactly two space-separated parts, the first "Bearer" in any case: what Split(' ', RemoveEmptyEntries)
    /// accepted, without the array and the scheme string. (The token itself stays a string: the handler needs it as
    /// one to check the signature, so a slice would only move the copy.)
    /// </summary>
    public static bool TryReadBearerToken(string header, [NotNullWhen(true)] out string? token)
    {
        token = null;
        var value = header.AsSpan().Trim(' ');
        var space = value.IndexOf(' ');
        if (space < 0 || !value[..space].Equals(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = value[(space + 1)..].TrimStart(' ');
        if (rest.Contains(' '))
        {
            return false;
        }

        token = rest.ToString();
        return true;
    }

    private async ValueTask<AuthResult> ValidateChannelTokenAsync(string raw, JsonWebToken token, Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_appId))
        {
            return AuthResult.Reject("Bot:AppId is not configured");
        }

        var source = keySources.Channel;
        var keys = await source.GetAsync(ct);
        var validation = await _handler.ValidateTokenAsync(token, _channelParameters.For(keys));
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A new key may have been published: refresh (at most every 5 min) and try once more.
            var fresh = await source.TryForceRefreshAsync(keys, ct);
            if (fresh is not null)
            {
                keys = fresh;
                validation = await _handler.ValidateTokenAsync(token, _channelParameters.For(keys));
            }
        }

        if (!validation.IsValid)
        {
            return AuthResult.Reject($"channel token invalid: {validation.Exception?.GetType().Name}");
        }

        // The token itself is sound (signature, issuer, audience, lifetime): remember it until it expires. Whether it
        // may carry this activity is checked below, and again for every activity that reuses it.
        var kid = token.Kid;
        var claim = token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) ? serviceUrl : null;
        if (!string.IsNullOrEmpty(kid))
        {
            _validated.Add(raw, new ValidatedTokenCache.Entry(keys, new DateTimeOffset(token.ValidTo, TimeSpan.Zero), kid, claim));
        }

        return CheckActivityClaims(keys, kid, claim, activity);
    }

    private static AuthResult CheckActivityClaims(SigningKeySet keys, string? kid, string? serviceUrlClaim, Activity activity)
    {
        // Check 6: the key that signed the token must be endorsed for this activity's channel.
        if (string.IsNullOrEmpty(kid) || !keys.Endorsements.TryGetValue(kid, out var endorsements)
            || !endorsements.Contains(activity.ChannelId!))
        {
            return AuthResult.Reject($"signing key is not endorsed for channel '{activity.ChannelId}'");
        }

        // Check 7: the connector signs the serviceUrl it sent, so a forged serviceUrl cannot steer our replies.
        if (string.IsNullOrEmpty(serviceUrlClaim)
            || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Reject("serviceurl claim does not match the activity's serviceUrl");
        }

        return ChannelAccepted;
    }

    private async ValueTask<AuthResult> ValidateEntraTokenAsync(JsonWebToken token, Activity activity, CancellationToken ct)
    {
        var source = keySources.Entra;
        var keys = await source.GetAsync(ct);
        var validation = await _handler.ValidateTokenAsync(token, _entraParameters.For(keys));
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException && await source.TryForceRefreshAsync(keys, ct) is { } fresh)
        {
            validation = await _handler.ValidateTokenAsync(token, _entraParameters.For(fresh));
        }

        if (!validation.IsValid)
        {
            return AuthResult.Reject($"Entra token invalid: {validation.Exception?.GetType().Name}");
        }

        // Only a caller holding our own credentials (Emulator, Playground --client-id) is legitimate here.
        token = (JsonWebToken)validation.SecurityToken;
        var version = token.TryGetPayloadValue<string>("ver", out var v) ? v : null;
        var callerClaim = version switch
        {
            null or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (callerClaim is null)
        {
            return AuthResult.Reject($"Entra token version '{version}' is not supported");
        }

        var caller = token.TryGetPayloadValue<string>(callerClaim, out var c) ? c : null;
        if (!string.Equals(caller, _appId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Reject($"Entra token {callerClaim} is not our app id");
        }

        // An app's own token, never a user's: a delegated token carries scp, an app-only one idtyp "app" (the
        // optional claim the app registration must emit, docs/security.md).
        if (token.TryGetPayloadValue<object>("scp", out _))
        {
            return AuthResult.Reject("Entra token is delegated (scp), not an app token");
        }

        if (!(token.TryGetPayloadValue<string>("idtyp", out var idtyp) && string.Equals(idtyp, "app", StringComparison.Ordinal)))
        {
            return AuthResult.Reject("Entra token idtyp is not 'app'");
        }

        // As on the channel path: a signed serviceurl must be the one our replies go to.
        if (token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl)
            && !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Reject("serviceurl claim does not match the activity's serviceUrl");
        }

        return EntraAccepted;
    }

    private static string[] EntraIssuers(BotOptions options)
    {
        var issuers = new List<string>(options.AdditionalEntraIssuers);
        if (!string.IsNullOrEmpty(options.TenantId))
        {
            issuers.Add($"https://sts.windows.net/{options.TenantId}/");
            issuers.Add($"https://login.microsoftonline.com/{options.TenantId}/v2.0");
        }

        return [.. issuers];
    }
}

/// <summary>How a request was let in (or why not). <see cref="Reason"/> is for logs only, never for the response.</summary>
public sealed record AuthResult(AuthMode Mode, string Reason)
{
    public bool IsAuthenticated => Mode != AuthMode.Rejected;

    public static AuthResult Reject(string reason) => new(AuthMode.Rejected, reason);
}

public enum AuthMode
{
    Rejected,

    /// <summary>A Bot Framework channel token (iss https://api.botframework.com): real Teams traffic.</summary>
    Channel,

    /// <summary>An Entra token from a caller holding our own app credentials (only when enabled).</summary>
    Entra,

    /// <summary>The Agents Playground without a token: Development, loopback caller and loopback serviceUrl only.</summary>
    LocalUnauthenticated,
}
