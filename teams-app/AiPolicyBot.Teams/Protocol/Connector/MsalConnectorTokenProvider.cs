using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// SingleTenant: client credentials against our own tenant's authority (the botframework.com authority gets 401s
/// for SingleTenant bots). One MSAL app per process: its in-memory token cache is the cache.
/// </summary>
public sealed class MsalConnectorTokenProvider(IOptions<BotOptions> options) : IConnectorTokenProvider
{
    public static readonly string[] Scopes = ["https://api.botframework.com/.default"];

    private readonly Lazy<IConfidentialClientApplication> _app = new(() =>
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AppId) || string.IsNullOrEmpty(o.TenantId) || string.IsNullOrEmpty(o.ClientSecret))
        {
            throw new InvalidOperationException("Bot:AppId, Bot:TenantId and Bot:ClientSecret are required for a SingleTenant bot.");
        }

        return ConfidentialClientApplicationBuilder.Create(o.AppId)
            .WithAuthority(new Uri($"https://login.microsoftonline.com/{o.TenantId}"))
            .WithClientSecret(o.ClientSecret)
            .Build();
    });

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        var result = await _app.Value.AcquireTokenForClient(Scopes).WithForceRefresh(forceRefresh).ExecuteAsync(ct);
        return result.AccessToken;
    }
}
