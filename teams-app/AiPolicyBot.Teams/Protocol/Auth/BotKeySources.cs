using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>The process-wide key caches: Bot Framework channel keys, and our tenant's Entra keys (built only if used).</summary>
public sealed class BotKeySources(
    IOptions<BotOptions> options, IHttpClientFactory httpFactory, TimeProvider clock, ILoggerFactory loggers)
{
    public const string HttpClientName = "bot-openid";

    private readonly Lazy<OpenIdKeySource> _channel = new(() => new OpenIdKeySource(
        options.Value.OpenIdMetadataUrl, httpFactory.CreateClient(HttpClientName), clock, loggers.CreateLogger<OpenIdKeySource>()));

    private readonly Lazy<OpenIdKeySource> _entra = new(() => new OpenIdKeySource(
        options.Value.EntraOpenIdMetadataUrl
            ?? $"https://login.microsoftonline.com/{options.Value.TenantId}/v2.0/.well-known/openid-configuration",
        httpFactory.CreateClient(HttpClientName), clock, loggers.CreateLogger<OpenIdKeySource>()));

    public OpenIdKeySource Channel => _channel.Value;

    public OpenIdKeySource Entra => _entra.Value;
}
