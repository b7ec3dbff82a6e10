using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// Inbound authentication (teams-protocol.md §1): decides whether a request really comes from the Teams channel
/// (or, only when configured, from a caller holding our own Entra credentials, or the local Playground).
/// Checks in order: channelId allowed → Bearer header → classify by issuer without trusting the token →
/// signature (RS256/384/512, key by kid, one forced key refresh on an unknown kid), issuer, audience, lifetime (5 min
/// skew) → the key's endorsements contain the activity's channelId → the serviceurl claim equals the activity's
/// serviceUrl. Anything else is rejected; the reason goes to the log, never to the caller.
/// </summary>
public sealed class BotRequestAuthenticator(
    IOptions<BotOptions> options,
    LocalDevelopmentMode localMode,
    BotKeySources keySources,
    ILogger<BotRequestAuthenticator> logger)
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly BotOptions _options = options.Value;

    public async Task<AuthResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, bool callerIsLoopback, CancellationToken ct)
    {
        var result = await EvaluateAsync(authorizationHeader, activity, callerIsLoopback, ct);
        if (result.IsAuthenticated)
        {
            logger.LogDebug("Request authenticated ({Mode})", result.Mode);
        }
        else
        {
            logger.LogWarning("Rejected /api/messages request: {Reason}", result.Reason);
        }

        return result;
    }

    private async Task<AuthResult> EvaluateAsync(string? header, Activity activity, bool callerIsLoopback, CancellationToken ct)
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

        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Reject("Authorization is not 'Bearer <token>'");
        }

        var raw = parts[1];
        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(raw);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthResult.Reject("malformed token");
        }

        var issuer = unverified.Issuer;
        if (string.Equals(issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(raw, unverified, activity, ct);
        }

        if (_options.EnableEntraTokens && EntraIssuers().Contains(issuer, StringComparer.Ordinal))
        {
            return await ValidateEntraTokenAsync(raw, ct);
        }

        return AuthResult.Reject($"issuer '{issuer}' is not accepted");
    }

    /// <summary>An allowed channel, or for message-extension invokes also a Microsoft 365 (Outlook) channel.</summary>
    private bool ChannelServed(Activity activity) =>
        !string.IsNullOrEmpty(activity.ChannelId)
        && (_options.AllowedChannelIds.Contains(activity.ChannelId, StringComparer.Ordinal)
            || (activity.Type == ActivityTypes.Invoke
                && activity.Name?.StartsWith("composeExtension/", StringComparison.Ordinal) == true
                && _options.MessageExtensionChannelIds.Contains(activity.ChannelId, StringComparer.Ordinal)));

    private bool LocalExceptionApplies(Activity activity, bool callerIsLoopback) =>
        localMode.Enabled && callerIsLoopback && LocalDevelopmentMode.IsLoopbackUrl(activity.ServiceUrl);

    private async Task<AuthResult> ValidateChannelTokenAsync(string raw, JsonWebToken unverified, Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_options.AppId))
        {
            return AuthResult.Reject("Bot:AppId is not configured");
        }

        var source = keySources.Channel;
        var keys = await source.GetAsync(ct);
        var validation = await ValidateAsync(raw, keys, [ChannelIssuer]);
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A new key may have been published: refresh (at most every 5 min) and try once more.
            var fresh = await source.TryForceRefreshAsync(ct);
            if (fresh is not null)
            {
                keys = fresh;
                validation = await ValidateAsync(raw, keys, [ChannelIssuer]);
            }
        }

        if (!validation.IsValid)
        {
            return AuthResult.Reject($"channel token invalid: {validation.Exception?.GetType().Name}");
        }

        // Check 6: the key that signed the token must be endorsed for this activity's channel.
        var kid = unverified.Kid;
        if (string.IsNullOrEmpty(kid) || !keys.Endorsements.TryGetValue(kid, out var endorsements)
            || !endorsements.Contains(activity.ChannelId!))
        {
            return AuthResult.Reject($"signing key is not endorsed for channel '{activity.ChannelId}'");
        }

        // Check 7: the connector signs the serviceUrl it sent, so a forged serviceUrl cannot steer our replies.
        var claim = unverified.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) ? serviceUrl : null;
        if (string.IsNullOrEmpty(claim) || !string.Equals(claim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Reject("serviceurl claim does not match the activity's serviceUrl");
        }

        return new AuthResult(AuthMode.Channel, "channel token");
    }

    private async Task<AuthResult> ValidateEntraTokenAsync(string raw, CancellationToken ct)
    {
        var source = keySources.Entra;
        var keys = await source.GetAsync(ct);
        var issuers = EntraIssuers();
        var validation = await ValidateAsync(raw, keys, issuers);
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException && await source.TryForceRefreshAsync(ct) is { } fresh)
        {
            validation = await ValidateAsync(raw, fresh, issuers);
        }

        if (!validation.IsValid)
        {
            return AuthResult.Reject($"Entra token invalid: {validation.Exception?.GetType().Name}");
        }

        // Only a caller holding our own credentials (Emulator, Playground --client-id) is legitimate here.
        var token = (JsonWebToken)validation.SecurityToken;
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
        return string.Equals(caller, _options.AppId, StringComparison.OrdinalIgnoreCase)
            ? new AuthResult(AuthMode.Entra, "Entra token")
            : AuthResult.Reject($"Entra token {callerClaim} is not our app id");
    }

    private Task<TokenValidationResult> ValidateAsync(string raw, SigningKeySet keys, IEnumerable<string> issuers) =>
        _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidateIssuer = true,
            ValidAudience = _options.AppId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            IssuerSigningKeys = keys.Keys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
        });

    private List<string> EntraIssuers()
    {
        var issuers = new List<string>(_options.AdditionalEntraIssuers);
        if (!string.IsNullOrEmpty(_options.TenantId))
        {
            issuers.Add($"https://sts.windows.net/{_options.TenantId}/");
            issuers.Add($"https://login.microsoftonline.com/{_options.TenantId}/v2.0");
        }

        return issuers;
    }
}
