using System.Text.Json;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// Validates the bearer token the tab got from Teams SSO (authentication.getAuthToken): signed by a key of the
/// tenant's Entra signing keys, issued by Entra for an allowed tenant (v1 or v2 issuer), for our API (client id or
/// Application ID URI), in date; then the tid must be allowed and there must be an oid. Delegated tokens must carry
/// the access_as_user scope; app-only tokens (automation) carry only roles. Roles come from the roles claim.
/// </summary>
public sealed class TabTokenValidator
{
    public const string Scope = "access_as_user";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly IReadOnlyList<string> _tenants;
    private readonly Lazy<OpenIdKeySource> _keys;
    private readonly ValidationParametersCache? _parameters;

    public TabTokenValidator(IOptions<TabOptions> options, IOptions<BotOptions> bot, IHttpClientFactory http, TimeProvider clock,
        ILoggerFactory loggers)
    {
        var o = options.Value;
        // Tab:TenantId falls back to the bot's tenant; Tab:AllowedTenantIds to that one tenant.
        var tenant = o.TenantId is { Length: > 0 } t ? t : bot.Value.TenantId;
        _tenants = o.AllowedTenantIds.Count > 0 ? o.AllowedTenantIds : tenant is { Length: > 0 } ? [tenant] : [];
        var metadata = o.OpenIdMetadataUrl ?? $"https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";
        _keys = new(() => new OpenIdKeySource(metadata, http.CreateClient(BotKeySources.HttpClientName), clock, loggers.CreateLogger<OpenIdKeySource>()));
        var issuers = _tenants.SelectMany(id => new[] { $"https://login.microsoftonline.com/{id}/v2.0", $"https://sts.windows.net/{id}/" }).ToList();
        var audiences = new[] { o.ClientId, o.ApplicationIdUri }.OfType<string>().Where(a => a.Length > 0).ToList();
        // Not configured (no client id or no tenant): every token is refused.
        if (issuers.Count > 0 && audiences.Count > 0) _parameters = new ValidationParametersCache(issuers, null, audiences);
    }

    public bool Configured => _parameters is not null;

    /// <summary>The caller, or null (and why, for the log) when the token is not acceptable.</summary>
    public async Task<(SignedInCaller? Caller, string? Problem)> ValidateAsync(string token, CancellationToken ct)
    {
        if (_parameters is null) return (null, "the tab's sign-in is not configured (Tab:ClientId, Tab:TenantId)");
        var source = _keys.Value;
        var keys = await source.GetAsync(ct);
        var result = await _handler.ValidateTokenAsync(token, _parameters.For(keys));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await source.TryForceRefreshAsync(keys, ct) is { } fresh)
            result = await _handler.ValidateTokenAsync(token, _parameters.For(fresh));
        if (!result.IsValid) return (null, result.Exception?.GetType().Name ?? "invalid token");

        var all = result.Claims;
        object? Claim(string name) => all.TryGetValue(name, out var value) ? value : null;
        var tid = Claim("tid") as string;
        if (tid is null || !_tenants.Contains(tid, StringComparer.OrdinalIgnoreCase)) return (null, "tenant not allowed");
        if (Claim("oid") is not string oid || oid.Length == 0) return (null, "no oid");
        var scopes = (Claim("scp") as string ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var appOnly = Claim("idtyp") as string == "app" || scopes.Length == 0;
        if (!appOnly && !scopes.Contains(Scope, StringComparer.Ordinal)) return (null, "missing scope " + Scope);
        var roles = Roles(Claim("roles"));
        var name = Claim("name") as string ?? (appOnly ? "automation" : "");
        return (new SignedInCaller(oid, name, tid, roles), null);
    }

    private static HashSet<string> Roles(object? claim) => claim switch
    {
        string s => [s],
        IEnumerable<object> list => list.OfType<string>().ToHashSet(StringComparer.Ordinal),
        JsonElement { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal),
        _ => [],
    };
}
